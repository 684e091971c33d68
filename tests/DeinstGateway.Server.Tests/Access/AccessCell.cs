using DeinstGateway.Core.Access;
using Xunit.Abstractions;
using InstitutionKind = DeinstGateway.Core.Registry.InstitutionKind;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>One cell of the access matrix, named as the README names it, e.g. <c>TransferService.GetTransfer × PlanningRegion</c>.</summary>
public sealed class AccessCell : IXunitSerializable
{
    [Obsolete("For xunit, which rebuilds cells from their serialised form.")]
    public AccessCell()
    {
    }

    public AccessCell(string method, InstitutionKind kind) => (Method, Kind) = (method, kind);

    public string Method { get; private set; } = string.Empty;

    public InstitutionKind Kind { get; private set; }

    /// <summary>Every call the matrix knows × every kind of institution.</summary>
    public static TheoryData<AccessCell> All()
    {
        var cells = new TheoryData<AccessCell>();
        foreach (var method in AccessMatrix.Methods)
        {
            foreach (var kind in Enum.GetValues<InstitutionKind>())
            {
                cells.Add(new AccessCell(method, kind));
            }
        }

        return cells;
    }

    public void Deserialize(IXunitSerializationInfo info)
    {
        Method = info.GetValue<string>(nameof(Method));
        Kind = info.GetValue<InstitutionKind>(nameof(Kind));
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(Method), Method);
        info.AddValue(nameof(Kind), Kind);
    }

    public override string ToString() => $"{Rpcs.DisplayName(Method)} × {Kind}";
}
