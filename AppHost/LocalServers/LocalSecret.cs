using System.Security.Cryptography;

namespace CountyTech.LocalServers;

/// <summary>A generated password kept in a file beside a server's data, so the data and its password live and die together.</summary>
internal static class LocalSecret
{
    // Letters and digits only: the password also goes into amqp:// URIs and configuration files.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string ReadOrCreate(string file)
    {
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, RandomNumberGenerator.GetString(Alphabet, 24));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(file).Trim();
    }
}
