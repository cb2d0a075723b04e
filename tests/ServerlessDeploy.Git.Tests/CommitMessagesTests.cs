using LibGit2Sharp;
using ServerlessDeploy.Git.Push;

namespace ServerlessDeploy.Git.Tests;

/// <summary>Commit messages are prettified as libgit2 prettifies them (its own function is the oracle here, outside Native AOT).</summary>
public sealed class CommitMessagesTests
{
    public static TheoryData<string> Messages() =>
    [
        "",
        "build: web:2",
        "build: web:2\n",
        "subject  \t\n\n\n\nbody line   \n  indented\n\n",
        "\n\n  \nleading blank lines",
        "trailing\r\n\r\n",
        "form\ffeed\f\nvertical\vtab\v",
        "# not a comment here\n#\n",
        "non-breaking\u00A0\nunicode ü 中文 😀  \n",
        "   \n\t\n",
        "a\n\n\nb\n\n\nc",
        "before\0after\n\n",
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_reads_as_libgit2_prettifies_it(string message) =>
        // \u0001 never starts a line here, so libgit2 strips no comment.
        Assert.Equal(Commit.PrettifyMessage(message, '\u0001'), CommitMessages.Prettify(message));
}
