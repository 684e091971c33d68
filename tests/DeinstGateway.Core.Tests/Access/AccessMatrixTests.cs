using DeinstGateway.Core.Access;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Tests.Access;

public sealed class AccessMatrixTests
{
    private static readonly ReturnedFields[] PersonalFields = [ReturnedFields.Pseudonymised, ReturnedFields.AccessLogEntries, ReturnedFields.Identified];

    public static TheoryData<string, InstitutionKind> CellsWithoutRow()
    {
        var cells = new TheoryData<string, InstitutionKind>();
        foreach (var method in AccessMatrix.Methods)
        {
            foreach (var kind in Enum.GetValues<InstitutionKind>().Where(k => AccessMatrix.Find(method, k) is null))
            {
                cells.Add(method, kind);
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(CellsWithoutRow))]
    public void Authorize_CellWithoutRow_IsRefusedAsCallNotAllowed(string method, InstitutionKind kind)
    {
        var refused = Assert.Throws<ForbiddenException>(() => AccessMatrix.Authorize(method, kind, Purposes.Supervision));

        Assert.Equal("CALL_NOT_ALLOWED", refused.Reason);
    }

    [Fact]
    public void Authorize_MethodTheMatrixDoesNotKnow_IsRefused()
    {
        var refused = Assert.Throws<ForbiddenException>(() => AccessMatrix.Authorize("/deinst.v1.TransferService/DeleteTransfer", InstitutionKind.Ministry, null));

        Assert.Equal("CALL_NOT_ALLOWED", refused.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Authorize_PersonalDataWithoutPurpose_IsRefusedAsPurposeMissing(string? purpose)
    {
        var refused = Assert.Throws<ForbiddenException>(() => AccessMatrix.Authorize(Rpcs.GetTransfer, InstitutionKind.Municipality, purpose));

        Assert.Equal("PURPOSE_MISSING", refused.Reason);
    }

    [Theory]
    [InlineData(Purposes.Supervision)]
    [InlineData("TRANSFER-HANDOVER")]
    [InlineData("marketing")]
    public void Authorize_PurposeNotInTheRow_IsRefusedAsPurposeNotAllowed(string purpose)
    {
        var refused = Assert.Throws<ForbiddenException>(() => AccessMatrix.Authorize(Rpcs.AcceptTransfer, InstitutionKind.Municipality, purpose));

        Assert.Equal("PURPOSE_NOT_ALLOWED", refused.Reason);
    }

    [Fact]
    public void Authorize_AllowedPurpose_ReturnsTheRow()
    {
        var rule = AccessMatrix.Authorize(Rpcs.ListTransfers, InstitutionKind.PlanningRegion, Purposes.Supervision);

        Assert.Equal(AccessScope.OwnRegion, rule.Scope);
        Assert.Equal(ReturnedFields.Pseudonymised, rule.Fields);
    }

    [Fact]
    public void Authorize_CountsWithoutPurpose_IsAllowed()
    {
        var rule = AccessMatrix.Authorize(Rpcs.QueryCapacity, InstitutionKind.PlanningRegion, null);

        Assert.False(rule.NeedsPurpose);
    }

    [Fact]
    public void Rules_EveryRowCarryingPersonalData_NamesKnownPurposes_AndNoOtherRowDoes()
    {
        foreach (var rule in AccessMatrix.Rules)
        {
            Assert.Equal(PersonalFields.Contains(rule.Fields), rule.NeedsPurpose);
            Assert.All(rule.Purposes, p => Assert.Contains(p, Purposes.All));
        }
    }

    [Fact]
    public void Rules_NoCellTwice()
    {
        Assert.Equal(AccessMatrix.Rules.Count, AccessMatrix.Rules.Select(r => (r.Method, r.Kind)).Distinct().Count());
    }

    [Fact]
    public void Render_HasARowPerMethod_AndAColumnPerKind()
    {
        var lines = AccessMatrixTable.Render().TrimEnd('\n').Split('\n');

        Assert.Equal(AccessMatrix.Methods.Count + 2, lines.Length);
        Assert.All(lines, line => Assert.Equal(Enum.GetValues<InstitutionKind>().Length + 2, line.Count(c => c == '|')));
        Assert.Contains(lines, line => line.StartsWith(
            "| `TransferService.GetTransfer` | all · by client id · supervision, data-subject-request | own region · by client id · supervision |",
            StringComparison.Ordinal));
    }
}
