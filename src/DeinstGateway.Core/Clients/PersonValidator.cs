using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Clients;

/// <summary>A person's details exactly as a caller sent them, unchecked.</summary>
public sealed record PersonInput(string PersonalCode, string FormerPersonalCode, string GivenName, string FamilyName, DateInput? BirthDate);

/// <summary>
/// The checks of a person's details, the same wherever a person is sent (a transfer, a
/// registration). Field names get the caller's prefix; messages never echo values.
/// </summary>
public static class PersonValidator
{
    private const int MaxNameLength = 100;
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static ClientIdentity? Identity(PersonInput input, string prefix, Action<string, string> fail)
    {
        var valid = true;
        if (!PersonalCode.TryParse(input.PersonalCode, out var code, out var error))
        {
            fail(prefix + "personal_code", error ?? "is not a valid personal code");
            valid = false;
        }

        PersonalCode? former = null;
        if (input.FormerPersonalCode.Length > 0)
        {
            if (!PersonalCode.TryParse(input.FormerPersonalCode, out var parsedFormer, out var formerError))
            {
                fail(prefix + "former_personal_code", formerError ?? "is not a valid personal code");
                valid = false;
            }
            else if (parsedFormer.Format != PersonalCodeFormat.Old || (valid && code.Format != PersonalCodeFormat.New))
            {
                fail(prefix + "former_personal_code", "is only for a person who changed from an old-format code to a new-format one");
                valid = false;
            }
            else
            {
                former = parsedFormer;
            }
        }

        valid &= Name(input.GivenName, prefix + "given_name", fail);
        valid &= Name(input.FamilyName, prefix + "family_name", fail);
        return valid ? new ClientIdentity(code, former, input.GivenName, input.FamilyName) : null;
    }

    /// <summary>The birth date when it is a real date between 1900 and today, agreeing with the one a code encodes.</summary>
    public static DateOnly? BirthDate(DateInput? input, ClientIdentity? identity, DateOnly today, string prefix, Action<string, string> fail)
    {
        var birthDate = input?.ToDate();
        if (birthDate is null)
        {
            fail(prefix + "birth_date", "is required and must be a real calendar date");
            return null;
        }

        if (birthDate < EarliestBirthDate || birthDate > today)
        {
            fail(prefix + "birth_date", "must lie between 1900-01-01 and today");
            return null;
        }

        if (identity is not null && (identity.PersonalCode.BirthDate ?? identity.FormerPersonalCode?.BirthDate) is { } encoded && encoded != birthDate)
        {
            fail(prefix + "birth_date", "does not match the birth date encoded in the personal code");
        }

        return birthDate;
    }

    private static bool Name(string name, string field, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || name.Any(char.IsControl) || name.Trim().Length != name.Length)
        {
            fail(field, $"is required: 1-{MaxNameLength} characters, no control characters, no leading or trailing spaces");
            return false;
        }

        return true;
    }
}
