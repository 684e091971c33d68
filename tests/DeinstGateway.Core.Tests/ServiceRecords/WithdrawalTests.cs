using DeinstGateway.Core.Access;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;

namespace DeinstGateway.Core.Tests.ServiceRecords;

public sealed class WithdrawalTests
{
    private const string Recorder = ServiceRecordSamples.ProviderCode;
    private static readonly DateTimeOffset RecordTime = new(2025, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 30, 0, TimeSpan.Zero);

    private static readonly ServiceRecord Standing = new(
        "0195f0c2-0000-7000-8000-000000000001", "0195f0c2-0000-7000-8000-0000000000c1", ServiceType.RespiteCare, Recorder,
        ServiceRecordSamples.Period("2025-03-03", "2025-03-04"), 2, ServiceUnit.Days, 9_000, FundingSource.MunicipalBudget, null,
        Recorder, RecordTime, Project.NoProjectCode, RecipientKind.Client);

    [Fact]
    public void Of_ByTheRecorder_WithdrawsNowInItsNameForTheReasonGiven()
    {
        var withdrawal = Withdrawal.Of(Caller(Recorder, InstitutionKind.ServiceProvider), Standing, WithdrawalReason.Superseded, Now);

        Assert.Equal(new Withdrawal(Now, Recorder, WithdrawalReason.Superseded), withdrawal);
    }

    [Theory]
    [InlineData("mun-riga", InstitutionKind.Municipality)]
    [InlineData("prov-cimdins", InstitutionKind.ServiceProvider)]
    public void Of_ByAnotherInstitution_IsForbiddenAsNotTheRecorder(string code, InstitutionKind kind)
    {
        var refused = Assert.Throws<ForbiddenException>(() => Withdrawal.Of(Caller(code, kind), Standing, WithdrawalReason.RecordedInError, Now));

        Assert.Equal(Withdrawal.NotTheRecorder, refused.Reason);
    }

    [Theory]
    [InlineData(WithdrawalReason.RecordedInError)]
    [InlineData(WithdrawalReason.DuplicateRecord)]
    public void Of_ARecordWithdrawnAlready_IsNoNewWithdrawalWhateverTheReason(WithdrawalReason reason)
    {
        var withdrawn = Standing with { Withdrawal = new Withdrawal(RecordTime.AddDays(1), Recorder, WithdrawalReason.Superseded) };

        Assert.Null(Withdrawal.Of(Caller(Recorder, InstitutionKind.ServiceProvider), withdrawn, reason, Now));
    }

    [Fact]
    public void Of_ARecordWithdrawnAlready_ByAnotherInstitution_IsStillForbidden()
    {
        var withdrawn = Standing with { Withdrawal = new Withdrawal(RecordTime.AddDays(1), Recorder, WithdrawalReason.Superseded) };

        var refused = Assert.Throws<ForbiddenException>(
            () => Withdrawal.Of(Caller("mun-riga", InstitutionKind.Municipality), withdrawn, WithdrawalReason.Superseded, Now));

        Assert.Equal(Withdrawal.NotTheRecorder, refused.Reason);
    }

    private static Caller Caller(string code, InstitutionKind kind) => new(code, kind, "thumbprint", DateTimeOffset.MaxValue);
}
