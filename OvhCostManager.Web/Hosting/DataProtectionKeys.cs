namespace OvhCostManager.Web;

/// <summary>Where the data-protection keys (sessions, forms) live: <c>keys/</c> in the data directory.</summary>
public static class DataProtectionKeys
{
    /// <summary>
    /// The folder, created readable by the app's user only where the platform has file modes: Linux has no DPAPI,
    /// so the keys are protected at rest by the file system (and the volume's encryption, if any).
    /// </summary>
    public static DirectoryInfo Directory(string dataDirectory)
    {
        var path = Path.Combine(Path.GetFullPath(dataDirectory), "keys");
        if (OperatingSystem.IsWindows())
        {
            return System.IO.Directory.CreateDirectory(path);
        }

        var folder = System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // An existing folder keeps its mode on CreateDirectory: tighten it.
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }
}
