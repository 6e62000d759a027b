namespace CountyTech.ServiceDefaults;

/// <summary>
/// Text a caller may send (JSON strings, query values, paths): no control characters except tab and line breaks, and
/// no half of a surrogate pair. PostgreSQL refuses U+0000 in text and invalid UTF-16 cannot be stored, so such a value
/// would otherwise fail deep in a write (a 500); it is refused up front as a 400 naming the field.
/// </summary>
public static class ControlCharacters
{
    public static bool AreIn(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The per-field message for a value with control characters.</summary>
    public static string Message(string field) =>
        $"{field} contains a control character (such as U+0000) or a broken surrogate pair; only printable text, tabs and line breaks are accepted.";
}
