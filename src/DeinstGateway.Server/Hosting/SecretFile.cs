using System.Security.Cryptography;

namespace DeinstGateway.Server.Hosting;

/// <summary>Key files the gateway writes: readable by its own user only, and never left half written.</summary>
public static class SecretFile
{
    /// <summary>A new random key of <paramref name="size"/> bytes, in base64 as key files and configuration hold keys.</summary>
    public static string NewKey(int size) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(size));

    /// <summary>Writes beside the file and moves it into place, so a crash never leaves half a key file.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".new";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Only the gateway's user may read the keys, from the first byte written.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            write(stream);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
