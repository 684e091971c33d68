using System.Diagnostics.CodeAnalysis;

namespace DeinstGateway.Core.Clients;

/// <summary>Which of Latvia's two personal code formats a code follows.</summary>
public enum PersonalCodeFormat
{
    /// <summary><c>DDMMYY-CNNNK</c>: carries the birth date, a century digit and a check digit.</summary>
    Old = 1,

    /// <summary>Issued since 1 July 2017: starts with 32–39 and carries no birth date.</summary>
    New = 2,
}

/// <summary>
/// A Latvian personal code (personas kods), held as its 11 digits without the hyphen so that
/// "150385-12346" and "15038512346" are the same value.
/// </summary>
/// <remarks>
/// Error texts never echo the input: they travel to callers and into logs, and the input is
/// personal data.
/// </remarks>
public readonly record struct PersonalCode
{
    private const int Length = 11;
    private const int HyphenIndex = 6;
    private const int CenturyIndex = 6;

    private const string ShapeError = "must be 11 digits, optionally with a hyphen after the sixth";

    private readonly string? _digits;

    private PersonalCode(string digits, PersonalCodeFormat format, DateOnly? birthDate)
    {
        _digits = digits;
        Format = format;
        BirthDate = birthDate;
    }

    /// <summary>The 11 ASCII digits without hyphen; empty only for <c>default</c>.</summary>
    public string Digits => _digits ?? string.Empty;

    public PersonalCodeFormat Format { get; }

    /// <summary>The birth date an old-format code encodes; the new format encodes none.</summary>
    public DateOnly? BirthDate { get; }

    private static ReadOnlySpan<int> Weights => [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static bool TryParse(string? input, out PersonalCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;

        if (string.IsNullOrEmpty(input))
        {
            error = "is required";
            return false;
        }

        var digits = Normalise(input);
        if (digits is null)
        {
            error = ShapeError;
            return false;
        }

        // Old codes start with a day 01–31, so 32–39 can only be the new format. Whether the new
        // format has a check digit is not established, so it is accepted on its shape alone.
        if (digits[0] == '3' && digits[1] is >= '2' and <= '9')
        {
            code = new PersonalCode(digits, PersonalCodeFormat.New, null);
            error = null;
            return true;
        }

        var century = digits[CenturyIndex] switch
        {
            '0' => 1800,
            '1' => 1900,
            '2' => 2000,
            _ => 0,
        };
        if (century == 0)
        {
            error = "has a century digit other than 0, 1 or 2";
            return false;
        }

        var day = TwoDigits(digits, 0);
        var month = TwoDigits(digits, 2);
        var year = century + TwoDigits(digits, 4);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = "does not encode a real birth date";
            return false;
        }

        var expected = CheckDigit(digits.AsSpan(0, Length - 1));
        if (expected is null)
        {
            error = "cannot be a valid code (no check digit exists for it)";
            return false;
        }

        if (expected.Value != digits[Length - 1] - '0')
        {
            error = "has a check digit that does not match";
            return false;
        }

        code = new PersonalCode(digits, PersonalCodeFormat.Old, new DateOnly(year, month, day));
        error = null;
        return true;
    }

    /// <exception cref="FormatException">The input is not a valid personal code.</exception>
    public static PersonalCode Parse(string input) =>
        TryParse(input, out var code, out var error)
            ? code
            : throw new FormatException($"The personal code {error}.");

    /// <summary>
    /// The old format's check digit for its first ten digits, or null when the remainder is 10:
    /// no valid code exists for such a body.
    /// </summary>
    public static int? CheckDigit(ReadOnlySpan<char> firstTenDigits)
    {
        if (firstTenDigits.Length != Length - 1 || firstTenDigits.ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("Expected exactly ten ASCII digits.", nameof(firstTenDigits));
        }

        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += Weights[i] * (firstTenDigits[i] - '0');
        }

        // The largest possible sum is 9 × 55 = 495, so 1101 − sum never goes negative.
        var remainder = (1101 - sum) % 11;
        return remainder == 10 ? null : remainder;
    }

    /// <summary>Old codes as <c>DDMMYY-CNNNK</c>, the way they are printed; new codes as 11 digits.</summary>
    public override string ToString() =>
        _digits is null ? string.Empty
        : Format == PersonalCodeFormat.Old ? string.Concat(_digits.AsSpan(0, HyphenIndex), "-", _digits.AsSpan(HyphenIndex))
        : _digits;

    private static string? Normalise(string input)
    {
        if (input.Length == Length && !input.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return input;
        }

        if (input.Length == Length + 1
            && input[HyphenIndex] == '-'
            && !input.AsSpan(0, HyphenIndex).ContainsAnyExceptInRange('0', '9')
            && !input.AsSpan(HyphenIndex + 1).ContainsAnyExceptInRange('0', '9'))
        {
            return string.Concat(input.AsSpan(0, HyphenIndex), input.AsSpan(HyphenIndex + 1));
        }

        return null;
    }

    private static int TwoDigits(string digits, int start) => ((digits[start] - '0') * 10) + (digits[start + 1] - '0');
}
