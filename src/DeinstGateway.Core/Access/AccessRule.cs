using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Access;

/// <summary>
/// One allowed cell of the access matrix: this kind of institution may make this call, reaching
/// records in <see cref="Scope"/> and seeing <see cref="Fields"/>, for one of <see cref="Purposes"/>.
/// </summary>
public sealed record AccessRule(string Method, InstitutionKind Kind, AccessScope Scope, ReturnedFields Fields, IReadOnlyList<string> Purposes)
{
    /// <summary>Calls that carry personal data name their purpose; counts and reference data need none.</summary>
    public bool NeedsPurpose => Purposes.Count > 0;
}
