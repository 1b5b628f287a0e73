using System.ComponentModel.DataAnnotations;

namespace OvhCostManager.Core.Data;

/// <summary>Where the SQLite file lives. Bound from the <c>Data</c> section.</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>Folder holding <c>ovh-costs.db</c> and the Data Protection keys.</summary>
    [Required(ErrorMessage = "Data:Directory must name a folder for the SQLite database.")]
    public string Directory { get; set; } = "data";

    public string DatabaseFileName { get; set; } = "ovh-costs.db";

    public string DatabasePath => Path.GetFullPath(Path.Combine(Directory, DatabaseFileName));

    // No shared cache: it locks per table inside the process and would make the dashboard wait for a sync's
    // transaction, which WAL otherwise lets readers ignore.
    public string ConnectionString => $"Data Source={DatabasePath};Default Timeout=30";
}
