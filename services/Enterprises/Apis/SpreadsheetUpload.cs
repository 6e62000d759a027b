namespace CountyTech.Enterprises.Apis;

/// <summary>An uploaded spreadsheet, read into memory with a bound, so a huge body is refused instead of filling memory.</summary>
internal static class SpreadsheetUpload
{
    /// <summary>A year's sheet of a county's 规上企业 is tens of KiB; 1 MiB (the gateway's own body limit) is ample.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<MemoryStream?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        var body = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxBytes)
            {
                await body.DisposeAsync();
                return null;
            }

            body.Write(chunk, 0, read);
        }

        body.Position = 0;
        return body;
    }
}
