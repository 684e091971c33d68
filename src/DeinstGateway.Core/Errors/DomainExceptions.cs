namespace DeinstGateway.Core.Errors;

/// <summary>
/// A failure the caller can act on. The gRPC edge maps each subtype to one status code in one
/// place; messages must never contain personal data because they travel to the caller and logs.
/// </summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>A field of the request is wrong; names the fields as the contract spells them.</summary>
public sealed class ValidationException : DomainException
{
    public ValidationException(IReadOnlyList<FieldViolation> violations)
        : base("The request is invalid: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
    {
        if (violations.Count == 0)
        {
            throw new ArgumentException("A validation failure needs at least one violation.", nameof(violations));
        }

        Violations = violations;
    }

    public ValidationException(string field, string description)
        : this([new FieldViolation(field, description)])
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; }
}

public sealed record FieldViolation(string Field, string Description);

/// <summary>The named resource does not exist (or is not visible to the caller).</summary>
public sealed class NotFoundException(string resourceType, string resourceName)
    : DomainException($"{resourceType} '{resourceName}' was not found.")
{
    public string ResourceType { get; } = resourceType;

    public string ResourceName { get; } = resourceName;
}

/// <summary>The caller is known but may not do this; <see cref="Reason"/> is a stable code.</summary>
public sealed class ForbiddenException(string reason, string message) : DomainException(message)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// The identity a call began with no longer holds (its certificate expired, its institution ended);
/// <see cref="Reason"/> is a stable code.
/// </summary>
public sealed class UnauthenticatedException(string reason, string message) : DomainException(message)
{
    public string Reason { get; } = reason;
}

/// <summary>The system is not in a state that allows the operation (e.g. an illegal transition).</summary>
public sealed class PreconditionFailedException(string reason, string subject, string message) : DomainException(message)
{
    public string Reason { get; } = reason;

    public string Subject { get; } = subject;
}

/// <summary>The request collides with what is stored (same key, other content).</summary>
public sealed class ConflictException(string reason, string message) : DomainException(message)
{
    public string Reason { get; } = reason;
}

/// <summary>The caller acted on a stale version (etag mismatch); re-read and retry.</summary>
public sealed class ConcurrencyException(string message) : DomainException(message);

/// <summary>
/// The process is shutting down: what was done so far stands, and the caller carries on with
/// another gateway process (a feed resumes after the last sequence it received).
/// </summary>
public sealed class GatewayStoppingException(string message) : DomainException(message)
{
    public const string Reason = "GATEWAY_STOPPING";
}

/// <summary>The call's deadline passed before its write committed: nothing was written, the caller has given up.</summary>
public sealed class DeadlinePassedException(string message) : DomainException(message)
{
    public const string Reason = "DEADLINE_PASSED";
}

/// <summary>The store cannot take the write now (e.g. its write lock was not granted); nothing was written: retry later.</summary>
public sealed class StoreUnavailableException(string reason, string message) : DomainException(message)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// Another process wrote the same unique key between our look-up and our write; not a caller's
/// error: the operation is retried and then sees that write.
/// </summary>
public sealed class WriteConflictException(string message, Exception inner) : Exception(message, inner);
