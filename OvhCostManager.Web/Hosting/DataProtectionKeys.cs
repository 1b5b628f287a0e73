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
        try
        {
            if (OperatingSystem.IsWindows())
            {
                return System.IO.Directory.CreateDirectory(path);
            }

            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            var folder = System.IO.Directory.CreateDirectory(path, ownerOnly);
            // An existing folder keeps its mode on CreateDirectory: tighten it.
            File.SetUnixFileMode(path, ownerOnly);
            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The data directory itself is unusable: the start-up check of Data:Directory names it in one line.
            return new DirectoryInfo(path);
        }
    }
}
