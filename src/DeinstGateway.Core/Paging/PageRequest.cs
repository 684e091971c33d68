namespace DeinstGateway.Core.Paging;

/// <summary>
/// AIP-158 paging as a caller asks for it: a page size (0 = default, over the maximum is coerced)
/// and an opaque token from the previous page.
/// </summary>
public sealed record PageRequest(int PageSize, string? PageToken)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public int EffectiveSize => PageSize switch
    {
        < 0 => throw new Errors.ValidationException("page_size", "must not be negative"),
        0 => DefaultPageSize,
        > MaxPageSize => MaxPageSize,
        _ => PageSize,
    };
}

public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken);
