namespace Inlay;

/// <summary>The string formats the validator checks; others (and unknown ones) are annotations only.</summary>
internal enum StringFormat
{
    DateTime,
    Date,
    Time,
    Uuid,
    Uri,
    Email,
}
