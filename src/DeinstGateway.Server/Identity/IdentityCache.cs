using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Caching.Memory;

namespace DeinstGateway.Server.Identity;

/// <summary>
/// Checked certificates' identities, for <c>Identity:CacheSeconds</c> (never past a certificate's
/// expiry) and at most <c>Identity:CacheEntries</c> of them: once full, a new certificate is
/// checked on each call until entries expire or are evicted, so a flood of distinct certificates
/// costs work, never unbounded memory. An identity checked against an older revocation reading
/// is not served.
/// </summary>
public sealed class IdentityCache : IDisposable
{
    private readonly MemoryCache _entries;
    private readonly TimeSpan _lifetime;

    // A connection presents the same certificate object on every call: its digest is taken once,
    // not per call, and forgotten with the object.
    private readonly ConditionalWeakTable<X509Certificate2, string> _keys = [];

    public IdentityCache(IdentityOptions options)
    {
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.CacheEntries, CompactionPercentage = 0.1 });
        _lifetime = TimeSpan.FromSeconds(options.CacheSeconds);
    }

    public int Count => _entries.Count;

    public Identification? Find(X509Certificate2 certificate, RevokedCertificates revoked) =>
        _entries.TryGetValue(Key(certificate), out Identification? found) && found!.CheckedAgainst == revoked ? found : null;

    public void Keep(X509Certificate2 certificate, Identification identification)
    {
        var until = DateTimeOffset.UtcNow + _lifetime;
        _entries.Set(Key(certificate), identification, new MemoryCacheEntryOptions
        {
            AbsoluteExpiration = until < certificate.NotAfter ? until : certificate.NotAfter,
            Size = 1,
        });
    }

    public void Dispose() => _entries.Dispose();

    private string Key(X509Certificate2 certificate) =>
        _keys.GetValue(certificate, static c => c.GetCertHashString(HashAlgorithmName.SHA256));
}

/// <summary>Who a certificate turned out to be (or why it was refused), and against which revocation reading.</summary>
public sealed record Identification(ClaimsPrincipal? Principal, string? Failure, RevokedCertificates CheckedAgainst);
