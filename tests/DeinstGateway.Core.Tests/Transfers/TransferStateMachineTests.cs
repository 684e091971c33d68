using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.Tests.Transfers;

public sealed class TransferStateMachineTests
{
    private static readonly RegistrySnapshot NoRegistry = new([], []);

    private static readonly (TransferState From, TransferAction Action, TransferState To)[] LegalTransitions =
    [
        (TransferState.Submitted, TransferAction.Accept, TransferState.Accepted),
        (TransferState.Submitted, TransferAction.Reject, TransferState.Rejected),
        (TransferState.Submitted, TransferAction.Cancel, TransferState.Cancelled),
        (TransferState.Accepted, TransferAction.Complete, TransferState.Completed),
        (TransferState.Accepted, TransferAction.Cancel, TransferState.Cancelled),
    ];

    public static TheoryData<TransferState, TransferAction, TransferState> Legal()
    {
        var data = new TheoryData<TransferState, TransferAction, TransferState>();
        foreach (var (from, action, to) in LegalTransitions)
        {
            data.Add(from, action, to);
        }

        return data;
    }

    /// <summary>Every (state, action) pair of the enums that is not a legal transition: 15 of the 20.</summary>
    public static TheoryData<TransferState, TransferAction> Illegal()
    {
        var data = new TheoryData<TransferState, TransferAction>();
        foreach (var state in Enum.GetValues<TransferState>())
        {
            foreach (var action in Enum.GetValues<TransferAction>())
            {
                if (!LegalTransitions.Any(t => t.From == state && t.Action == action))
                {
                    data.Add(state, action);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Legal))]
    public void Next_LegalTransition_ReturnsNextState(TransferState from, TransferAction action, TransferState expected)
    {
        // Arrange
        var transfer = TransferSamples.Transfer(from);

        // Act
        var next = TransferStateMachine.Next(transfer, action);

        // Assert
        Assert.Equal(expected, next);
    }

    [Theory]
    [MemberData(nameof(Illegal))]
    public void Next_IllegalTransition_ThrowsPreconditionFailedNamingTheTransfer(TransferState from, TransferAction action)
    {
        // Arrange
        var transfer = TransferSamples.Transfer(from);

        // Act
        var exception = Assert.Throws<PreconditionFailedException>(() => TransferStateMachine.Next(transfer, action));

        // Assert
        Assert.Equal("ILLEGAL_TRANSITION", exception.Reason);
        Assert.Equal("transfers/" + TransferSamples.Id, exception.Subject);
    }

    [Fact]
    public void Next_TheoryData_CoversEveryStateActionPair()
    {
        // Act
        var legal = Legal().Count();
        var illegal = Illegal().Count();

        // Assert
        // Guards the generated data: a new state or action must be thought about here.
        Assert.Equal(5, legal);
        Assert.Equal(15, illegal);
        Assert.Equal(Enum.GetValues<TransferState>().Length * Enum.GetValues<TransferAction>().Length, legal + illegal);
    }

    [Theory]
    [InlineData(TransferAction.Accept)]
    [InlineData(TransferAction.Reject)]
    [InlineData(TransferAction.Complete)]
    public void EnsureMayAct_DestinationMunicipalityDecides_DoesNotThrow(TransferAction action)
    {
        // Arrange
        var caller = TransferSamples.Caller("mun-jelgava", InstitutionKind.Municipality);
        var transfer = TransferSamples.Transfer();

        // Act
        var exception = Record.Exception(() => TransferStateMachine.EnsureMayAct(caller, transfer, action, NoRegistry));

        // Assert
        Assert.Null(exception);
    }

    [Theory]
    [InlineData("vsac-zemgale-jelgava", InstitutionKind.CareCentreBranch)]
    [InlineData("vsac-zemgale", InstitutionKind.StateCareCentre)]
    public void EnsureMayAct_SourceOrItsCentreCancels_DoesNotThrow(string code, InstitutionKind kind)
    {
        // Arrange
        var caller = TransferSamples.Caller(code, kind);
        var transfer = TransferSamples.Transfer();

        // Act
        var exception = Record.Exception(() => TransferStateMachine.EnsureMayAct(caller, transfer, TransferAction.Cancel, NoRegistry));

        // Assert
        Assert.Null(exception);
    }

    [Theory]
    [InlineData("vsac-zemgale-jelgava", InstitutionKind.CareCentreBranch, TransferAction.Accept)]
    [InlineData("vsac-zemgale", InstitutionKind.StateCareCentre, TransferAction.Reject)]
    [InlineData("mun-madona", InstitutionKind.Municipality, TransferAction.Accept)]
    [InlineData("mun-madona", InstitutionKind.Municipality, TransferAction.Complete)]
    [InlineData("pr-zemgale", InstitutionKind.PlanningRegion, TransferAction.Reject)]
    [InlineData("lm", InstitutionKind.Ministry, TransferAction.Complete)]
    [InlineData("prov-x", InstitutionKind.ServiceProvider, TransferAction.Accept)]
    public void EnsureMayAct_NotTheDestinationDecides_ThrowsForbiddenNotTheDestination(
        string code, InstitutionKind kind, TransferAction action)
    {
        // Arrange
        var caller = TransferSamples.Caller(code, kind);
        var transfer = TransferSamples.Transfer();

        // Act
        var exception = Assert.Throws<ForbiddenException>(() => TransferStateMachine.EnsureMayAct(caller, transfer, action, NoRegistry));

        // Assert
        Assert.Equal("NOT_THE_DESTINATION", exception.Reason);
    }

    [Theory]
    [InlineData("mun-jelgava", InstitutionKind.Municipality)]
    [InlineData("vsac-zemgale-iecava", InstitutionKind.CareCentreBranch)]
    [InlineData("vsac-latgale", InstitutionKind.StateCareCentre)]
    [InlineData("pr-zemgale", InstitutionKind.PlanningRegion)]
    [InlineData("lm", InstitutionKind.Ministry)]
    public void EnsureMayAct_NotTheSourceCancels_ThrowsForbiddenNotTheSource(string code, InstitutionKind kind)
    {
        // Arrange
        var caller = TransferSamples.Caller(code, kind);
        var transfer = TransferSamples.Transfer();

        // Act
        var exception = Assert.Throws<ForbiddenException>(
            () => TransferStateMachine.EnsureMayAct(caller, transfer, TransferAction.Cancel, NoRegistry));

        // Assert
        Assert.Equal("NOT_THE_SOURCE", exception.Reason);
    }

    [Fact]
    public void EnsureMayAct_CentreSendsItselfWithoutParent_MayCancel()
    {
        // Arrange
        var caller = TransferSamples.Caller("vsac-zemgale", InstitutionKind.StateCareCentre);
        var transfer = TransferSamples.Transfer(sourceCode: "vsac-zemgale", sourceParentCode: null);

        // Act
        var exception = Record.Exception(() => TransferStateMachine.EnsureMayAct(caller, transfer, TransferAction.Cancel, NoRegistry));

        // Assert
        Assert.Null(exception);
    }

    [Theory]
    [InlineData("transfers/0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f", "0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f")]
    [InlineData("transfers/0190F3C2-7A4B-7D1E-9C3F-5A6B7C8D9E0F", "0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f")]
    public void IdFrom_TransferName_ReturnsLowerCaseId(string name, string expected)
    {
        // Act
        var id = TransferNames.IdFrom(name);

        // Assert
        Assert.Equal(expected, id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("transfers/")]
    [InlineData("transfers/42")]
    [InlineData("transfer/0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f")]
    [InlineData("Transfers/0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f")]
    [InlineData("transfers/0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f\n")]
    [InlineData("transfers/ 0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f")]
    [InlineData("transfers/0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f/x")]
    [InlineData("transfers/0190f3c27a4b7d1e9c3f5a6b7c8d9e0f")]
    [InlineData("transfers/{0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f}")]
    [InlineData("0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f")]
    public void IdFrom_NotATransferName_ReturnsNull(string? name)
    {
        // Act
        var id = TransferNames.IdFrom(name);

        // Assert
        Assert.Null(id);
    }

    [Fact]
    public void Of_Id_ReturnsTransferName()
    {
        // Act
        var name = TransferNames.Of(TransferSamples.Id);

        // Assert
        Assert.Equal("transfers/0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f", name);
    }
}
