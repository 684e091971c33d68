using DeinstGateway.Core.Access;

namespace DeinstGateway.Core.Audit;

public enum AccessOutcome
{
    /// <summary>The call returned the client's data.</summary>
    Read = 1,

    /// <summary>The call wrote the client's data; the entry commits with the write.</summary>
    Written = 2,

    /// <summary>The call asked for the client's data and was refused by scope.</summary>
    Refused = 3,
}

/// <summary>One access to a client's personal data, as the access log keeps it.</summary>
public sealed record AccessEntry(
    DateTimeOffset Time,
    string InstitutionCode,
    string CertificateThumbprint,
    string Method,
    string ClientId,
    string Purpose,
    AccessOutcome Outcome)
{
    public static AccessEntry Of(Caller caller, string clientId, AccessOutcome outcome, DateTimeOffset time) =>
        new(time, caller.InstitutionCode, caller.CertificateThumbprint, caller.Method, clientId, caller.Purpose, outcome);

    /// <summary>One read per client an answer shows, however many of its records are about that client.</summary>
    public static IReadOnlyList<AccessEntry> ReadsOf(Caller caller, IEnumerable<string> clientIds, DateTimeOffset time) =>
        OnePerClient(caller, clientIds, AccessOutcome.Read, time);

    /// <summary>
    /// One write per client a transaction writes, however many of its records are about that client:
    /// the entries of its records would be the same in every field.
    /// </summary>
    public static IReadOnlyList<AccessEntry> WritesOf(Caller caller, IEnumerable<string> clientIds, DateTimeOffset time) =>
        OnePerClient(caller, clientIds, AccessOutcome.Written, time);

    /// <summary>One refusal per client a call was refused about.</summary>
    public static IReadOnlyList<AccessEntry> RefusalsOf(Caller caller, IEnumerable<string> clientIds, DateTimeOffset time) =>
        OnePerClient(caller, clientIds, AccessOutcome.Refused, time);

    private static IReadOnlyList<AccessEntry> OnePerClient(Caller caller, IEnumerable<string> clientIds, AccessOutcome outcome, DateTimeOffset time) =>
        clientIds.Distinct(StringComparer.Ordinal).Select(client => Of(caller, client, outcome, time)).ToList();
}

/// <summary>An entry at its place in the log, with the hashes that chain it to the one before.</summary>
public sealed record ChainedAccessEntry(long Position, AccessEntry Entry, byte[] PreviousHash, byte[] EntryHash);
