using System.Security.Cryptography;

namespace DeinstGateway.Server.Identity;

/// <summary>
/// The revocation files named in configuration — a CRL and a deny list — read at start (an
/// unreadable one fails the start) and read again as soon as a call finds either file's time
/// stamp or size changed, so a revocation counts from the next call without a restart. A file
/// that cannot be read or parsed on reload leaves the previous reading in force.
/// </summary>
public sealed class CertificateRevocation
{
    private readonly string? _revocationListPath;
    private readonly string? _denyListPath;
    private readonly TrustedAuthorities _authorities;
    private readonly Lock _reloading = new();
    private volatile Reading _reading;

    /// <summary>Reads the configured files now; an unreadable one throws <see cref="InvalidOperationException"/>.</summary>
    public CertificateRevocation(IdentityOptions options, TrustedAuthorities authorities)
    {
        _revocationListPath = FullPathOrNull(options.RevocationListPath);
        _denyListPath = FullPathOrNull(options.DenyListPath);
        _authorities = authorities;
        _reading = Read();
    }

    /// <summary>The revoked certificates as the files say now; reload failures go to <paramref name="logger"/>.</summary>
    public RevokedCertificates Current(ILogger logger)
    {
        var stamps = Stamps();
        var reading = _reading;
        if (reading.Stamps == stamps)
        {
            return reading.Revoked;
        }

        lock (_reloading)
        {
            if (_reading.Stamps != stamps)
            {
                try
                {
                    _reading = Read();
                }
                catch (InvalidOperationException e)
                {
                    IdentityLog.RevocationReloadFailed(logger, e.Message);
                    // Not retried until the file changes again: a broken file costs one log line.
                    _reading = _reading with { Stamps = stamps };
                }
            }

            return _reading.Revoked;
        }
    }

    private Reading Read()
    {
        var stamps = Stamps();
        var listed = _revocationListPath is null
            ? []
            : ReadFile(_revocationListPath, "revocation list", bytes => CertificateRevocationListReader.Read(bytes, _authorities.All));
        var denied = _denyListPath is null
            ? []
            : ReadFile(_denyListPath, "deny list", bytes => RevokedCertificates.ParseDenyList(System.Text.Encoding.UTF8.GetString(bytes)).ToList());
        return new Reading(stamps, RevokedCertificates.From(listed, denied));
    }

    private static T ReadFile<T>(string path, string what, Func<byte[], T> parse)
    {
        try
        {
            return parse(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or FormatException)
        {
            throw new InvalidOperationException($"The {what} '{path}' cannot be read: {e.Message}", e);
        }
    }

    private FileStamps Stamps() => new(Stamp(_revocationListPath), Stamp(_denyListPath));

    private static FileStamp Stamp(string? path)
    {
        if (path is null)
        {
            return default;
        }

        var file = new FileInfo(path);
        return file.Exists ? new FileStamp(file.LastWriteTimeUtc, file.Length) : default;
    }

    private static string? FullPathOrNull(string path) => string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);

    private readonly record struct FileStamp(DateTime WrittenUtc, long Length);

    private readonly record struct FileStamps(FileStamp RevocationList, FileStamp DenyList);

    private sealed record Reading(FileStamps Stamps, RevokedCertificates Revoked);
}
