using System.Text;

namespace ServerlessDeploy.Git.Push;

/// <summary>
/// A commit message as libgit2's git_message_prettify leaves it (git's stripspace, comments kept): each line without
/// its trailing whitespace, blank lines at the start and end dropped, a run of blank lines kept as one, every line
/// ending in a newline. Done here rather than by CreateCommit's prettifyMessage: LibGit2Sharp reads libgit2's answer
/// from a class it passes by value, which the runtime pins (so libgit2's write shows) but Native AOT copies, and
/// under Native AOT every commit came out with an empty message.
/// </summary>
internal static class CommitMessages
{
    private static readonly char[] Whitespace = [' ', '\t', '\n', '\v', '\f', '\r'];

    public static string Prettify(string message)
    {
        var output = new StringBuilder();
        var blankLines = 0;
        // libgit2 reads the message as a C string: it ends at the first NUL.
        foreach (var line in message.Split('\0')[0].Split('\n'))
        {
            var trimmed = line.TrimEnd(Whitespace);
            if (trimmed.Length == 0)
            {
                blankLines++;
                continue;
            }

            if (blankLines > 0 && output.Length > 0)
            {
                output.Append('\n');
            }

            blankLines = 0;
            output.Append(trimmed).Append('\n');
        }

        return output.ToString();
    }
}
