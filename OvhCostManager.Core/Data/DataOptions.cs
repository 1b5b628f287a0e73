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

    public string ConnectionString => $"Data Source={DatabasePath};Cache=Shared;Default Timeout=30";
}
