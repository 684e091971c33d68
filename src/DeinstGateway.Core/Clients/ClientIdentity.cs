namespace DeinstGateway.Core.Clients;

/// <summary>
/// Who a client is. A person may switch once from an old-format code to a new one and stays the
/// same client; the former code is kept so that records under it can still be found.
/// </summary>
public sealed record ClientIdentity(PersonalCode PersonalCode, PersonalCode? FormerPersonalCode, string GivenName, string FamilyName)
{
    // The generated record ToString would print the code and the names into any log or exception
    // text the object is interpolated into.
    public override string ToString() => "ClientIdentity { personal data redacted }";
}
