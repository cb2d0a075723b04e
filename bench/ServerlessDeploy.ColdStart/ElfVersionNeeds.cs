using System.Buffers.Binary;
using System.Text;

namespace ServerlessDeploy.ColdStart;

/// <summary>Reads the symbol versions an ELF64 little-endian file needs from its shared libraries (the
/// <c>.gnu.version_r</c> section, SHT_GNU_verneed), e.g. <c>GLIBC_2.34</c> — what <c>objdump -T</c> shows, without objdump.</summary>
internal static class ElfVersionNeeds
{
    private const uint VersionNeedSection = 0x6ffffffe;

    public static bool IsElf(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 4 && magic.SequenceEqual("\u007fELF"u8);
    }

    /// <summary>Every needed version name, with the library that provides it: ("libc.so.6", "GLIBC_2.34").</summary>
    public static IReadOnlyList<(string Library, string Version)> Read(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new NotSupportedException($"{path} is not a 64-bit little-endian ELF file.");
        }

        var sectionsAt = (int)U64(elf, 0x28);
        var sectionSize = U16(elf, 0x3A);
        var sectionCount = U16(elf, 0x3C);
        var needs = new List<(string, string)>();
        for (var index = 0; index < sectionCount; index++)
        {
            var section = sectionsAt + (index * sectionSize);
            if (U32(elf, section + 4) != VersionNeedSection)
            {
                continue;
            }

            var strings = (int)U64(elf, sectionsAt + ((int)U32(elf, section + 40) * sectionSize) + 24);
            var entry = (int)U64(elf, section + 24);
            for (var need = 0; need < U32(elf, section + 44); need++)
            {
                var library = Text(elf, strings + (int)U32(elf, entry + 4));
                var aux = entry + (int)U32(elf, entry + 8);
                for (var version = 0; version < U16(elf, entry + 2); version++)
                {
                    needs.Add((library, Text(elf, strings + (int)U32(elf, aux + 8))));
                    aux += (int)U32(elf, aux + 12);
                }
                entry += (int)U32(elf, entry + 12);
            }
        }
        return needs;
    }

    private static ushort U16(byte[] elf, int at) => BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(at));

    private static uint U32(byte[] elf, int at) => BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(at));

    private static ulong U64(byte[] elf, int at) => BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(at));

    private static string Text(byte[] elf, int at) => Encoding.ASCII.GetString(elf, at, Array.IndexOf(elf, (byte)0, at) - at);
}
