namespace ServerlessDeploy.Core.Images;

/// <summary>
/// Reads write-back-method, git-branch and write-back-target. Any of them invalid makes the whole write-back
/// unknown (null): without knowing where a tag goes, no image of the app is updated.
/// </summary>
internal static class WriteBackReader
{
    public static WriteBackSettings? Read(IReadOnlyDictionary<string, string> annotations, List<string> errors, List<string> notes)
    {
        var method = ReadMethod(annotations, errors, notes);
        if (method is not WriteBackMethod.Git)
        {
            NoteUnused(annotations, ImageUpdaterAnnotations.GitBranch, notes);
            NoteUnused(annotations, ImageUpdaterAnnotations.WriteBackTarget, notes);
            return method is null ? null : new WriteBackSettings(method.Value, null, null, null);
        }

        var errorsBefore = errors.Count;
        var (branch, writeBranch) = ReadBranch(annotations, errors);
        var target = ReadTarget(annotations, errors);
        return errors.Count == errorsBefore ? new WriteBackSettings(WriteBackMethod.Git, branch, writeBranch, target) : null;
    }

    private static WriteBackMethod? ReadMethod(IReadOnlyDictionary<string, string> annotations, List<string> errors, List<string> notes)
    {
        const string Key = ImageUpdaterAnnotations.WriteBackMethod;
        if (!annotations.TryGetValue(Key, out var raw) || raw.Trim() == "argocd")
        {
            return WriteBackMethod.ArgoCd;
        }

        var value = raw.Trim();
        if (value == "git")
        {
            return WriteBackMethod.Git;
        }

        // Image Updater's git:<credentials> names a secret; this deployer's Git credentials are its own configuration.
        if (value.StartsWith("git:", StringComparison.Ordinal) && value.Length > "git:".Length)
        {
            notes.Add($"{Key}: credentials '{value["git:".Length..]}' are not read; Git credentials come from the deployer's configuration");
            return WriteBackMethod.Git;
        }

        errors.Add($"{Key}: '{value}' is not a write-back method (argocd, git or git:<credentials>)");
        return null;
    }

    /// <summary>git-branch is <c>&lt;branch&gt;</c> or <c>&lt;base&gt;:&lt;target&gt;</c> (check out base, commit to target); an empty base is the app's branch.</summary>
    private static (string? Branch, string? WriteBranch) ReadBranch(IReadOnlyDictionary<string, string> annotations, List<string> errors)
    {
        const string Key = ImageUpdaterAnnotations.GitBranch;
        if (!annotations.TryGetValue(Key, out var raw))
        {
            return (null, null);
        }

        var value = raw.Trim();
        var parts = value.Split(':');
        var branch = parts[0].Trim();
        var writeBranch = parts.Length == 2 ? parts[1].Trim() : null;
        if (value.Length == 0 || parts.Length > 2 || writeBranch is { Length: 0 } || value.Any(char.IsWhiteSpace))
        {
            errors.Add($"{Key}: '{value}' is not <branch> or <base>:<target>");
            return (null, null);
        }

        if (value.Contains("{{", StringComparison.Ordinal))
        {
            errors.Add($"{Key}: '{value}' uses a template; branch templates are not supported, name the branch");
            return (null, null);
        }

        return (branch.Length == 0 ? null : branch, writeBranch);
    }

    private static WriteBackTarget? ReadTarget(IReadOnlyDictionary<string, string> annotations, List<string> errors)
    {
        const string Key = ImageUpdaterAnnotations.WriteBackTarget;
        if (!annotations.TryGetValue(Key, out var raw))
        {
            return null;
        }

        var value = raw.Trim();
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? value : value[..colon];
        var path = colon < 0 ? null : value[(colon + 1)..].Trim();
        WriteBackTarget? target = (kind, path) switch
        {
            (_, { Length: 0 }) => null,
            ("kustomization", _) => new WriteBackTarget(WriteBackTargetKind.Kustomization, path ?? "."),
            // Image Updater's default values file when helmvalues names none.
            ("helmvalues", _) => new WriteBackTarget(WriteBackTargetKind.HelmValues, path ?? "values.yaml"),
            _ => null,
        };
        if (target is null)
        {
            errors.Add($"{Key}: '{value}' is not kustomization[:<path>] or helmvalues[:<file>]");
        }

        return target;
    }

    private static void NoteUnused(IReadOnlyDictionary<string, string> annotations, string key, List<string> notes)
    {
        if (annotations.ContainsKey(key))
        {
            notes.Add($"{key}: ignored, since write-back-method is not git");
        }
    }
}
