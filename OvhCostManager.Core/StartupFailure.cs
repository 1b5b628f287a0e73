using Microsoft.Extensions.Options;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Core;

/// <summary>Turns a configuration or database mistake at start-up into one line on stderr and exit code 1, never a stack trace; shared by the web app and the CLI.</summary>
public static class StartupFailure
{
    public static int? TryDescribe(Exception exception, out string message)
    {
        var root = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        message = root switch
        {
            OptionsValidationException options => "Configuration error: " + string.Join(" ", options.Failures),
            DatabaseTooNewException tooNew => "Database error: " + tooNew.Message,
            DatabaseUnreadableException unreadable => "Database error: " + unreadable.Message,
            // The configuration binder names the setting and the type it expected ("Failed to convert configuration
            // value 'abc' at 'Sync:ConsumptionInterval' to type 'System.TimeSpan'").
            InvalidOperationException binding when binding.Message.Contains("configuration value", StringComparison.Ordinal) =>
                "Configuration error: " + binding.Message,
            InvalidDataException invalid => "Configuration error: " + invalid.Message,
            // A settings file that does not parse ("Could not parse the JSON file. Error on line number '3'").
            FormatException format => "Configuration error: " + format.Message,
            System.Text.Json.JsonException json => "Configuration error: a settings file is not valid JSON (" + json.Message + ")",
            // The data directory (database, keys) cannot be created or written.
            UnauthorizedAccessException or IOException => "Storage error: " + root.Message,
            _ => string.Empty,
        };
        message = message.ReplaceLineEndings(" ");
        return message.Length == 0 ? null : 1;
    }
}
