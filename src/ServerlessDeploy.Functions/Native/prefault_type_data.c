// Linked into the Native AOT bootstrap only (ServerlessDeploy.Functions.csproj, target CompileTypeDataPrefault).
//
// Before Main, Native AOT rehydrates its type data (about 5.7 MB) into the image's zero-filled tail, the .hydrated
// section after .bss. Each first write to one of its 4 KiB pages is a page fault, and in a Firecracker VM such as
// Lambda's those faults were half of the functions' init time. This constructor runs before the runtime starts and
// asks the kernel to back that tail with transparent huge pages where it may (THP "madvise" or "always"), then to fault
// it in with one call (MADV_POPULATE_WRITE, Linux 5.14+). Both are hints that change no byte of memory: a kernel that
// refuses either leaves start-up exactly as it was, so errors are ignored.
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

#define HUGE_PAGE ((uintptr_t)2 << 20)

static uintptr_t align_down(uintptr_t value, uintptr_t alignment) { return value & ~(alignment - 1); }
static uintptr_t align_up(uintptr_t value, uintptr_t alignment) { return align_down(value + alignment - 1, alignment); }

static void advise_zero_filled_tail(uintptr_t start, uintptr_t end)
{
    uintptr_t huge_start = align_up(start, HUGE_PAGE);
    uintptr_t huge_end = align_down(end, HUGE_PAGE);
    if (huge_end > huge_start)
    {
        madvise((void *)huge_start, huge_end - huge_start, MADV_HUGEPAGE);
    }
    madvise((void *)start, end - start, MADV_POPULATE_WRITE);
}

// The first object dl_iterate_phdr reports is the executable itself; its writable PT_LOAD segment ends in the
// zero-filled part (p_memsz beyond p_filesz) that holds .bss and .hydrated.
static int find_executable_tail(struct dl_phdr_info *info, size_t size, void *unused)
{
    (void)size;
    (void)unused;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    for (int i = 0; i < info->dlpi_phnum; i++)
    {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type == PT_LOAD && segment->p_memsz > segment->p_filesz)
        {
            uintptr_t base = info->dlpi_addr + segment->p_vaddr;
            uintptr_t start = align_up(base + segment->p_filesz, page);
            uintptr_t end = align_up(base + segment->p_memsz, page);
            if (end > start)
            {
                advise_zero_filled_tail(start, end);
            }
        }
    }
    return 1;
}

__attribute__((constructor)) static void prefault_type_data(void)
{
    dl_iterate_phdr(find_executable_tail, 0);
}
