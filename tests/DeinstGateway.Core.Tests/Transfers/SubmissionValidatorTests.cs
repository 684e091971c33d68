using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;
using DeinstGateway.Core.Transfers;
using static DeinstGateway.Core.Tests.Transfers.SubmissionSamples;

namespace DeinstGateway.Core.Tests.Transfers;

public sealed class SubmissionValidatorTests
{
    [Fact]
    public void Validate_ValidInput_ReturnsResolvedSubmission()
    {
        // Arrange
        var input = ValidInput();

        // Act
        var check = Validate(input);

        // Assert
        Assert.Empty(check.Violations);
        var valid = Assert.IsType<ValidSubmission>(check.Valid);
        Assert.Equal("0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f", valid.RequestId);
        Assert.Equal("vsac-zemgale-jelgava|DI-2026/0042", valid.BusinessKey);
        Assert.Equal("vsac-zemgale-jelgava", valid.Source.Code);
        Assert.Equal("15038512346", valid.Identity.PersonalCode.Digits);
        Assert.Null(valid.Identity.FormerPersonalCode);
        Assert.Equal("Anna", valid.Identity.GivenName);
        Assert.Equal("Bērziņa", valid.Identity.FamilyName);
        Assert.Equal(new DateOnly(1985, 3, 15), valid.BirthDate);
        Assert.Equal(TargetGroup.AdultWithIntellectualOrMentalDisability, valid.TargetGroup);
        Assert.Equal("mun-jelgava", valid.DestinationMunicipality.Code);
        Assert.Equal([ServiceType.GroupHome, ServiceType.DayCareCentreAdults], valid.RequestedServices);
        Assert.Equal("prov-x", valid.DestinationProvider?.Code);
        Assert.Equal(new DateOnly(2027, 1, 15), valid.PlannedMoveDate);
        Assert.Equal("IAP-2026-17", valid.SupportPlanReference);
    }

    [Fact]
    public void Validate_NoDestinationProvider_ValidWithoutProvider()
    {
        // Arrange
        var input = ValidInput() with { DestinationProvider = string.Empty };

        // Act
        var check = Validate(input);

        // Assert
        Assert.Empty(check.Violations);
        Assert.NotNull(check.Valid);
        Assert.Null(check.Valid.DestinationProvider);
    }

    [Theory]
    [InlineData("vsac-zemgale", InstitutionKind.StateCareCentre, "institutions/vsac-zemgale")]
    [InlineData("vsac-zemgale-jelgava", InstitutionKind.CareCentreBranch, "institutions/vsac-zemgale-jelgava")]
    [InlineData("bsac-jelgava", InstitutionKind.ChildCareInstitution, "institutions/bsac-jelgava")]
    public void Validate_CallerSendsForItselfOrItsBranch_Valid(string callerCode, InstitutionKind callerKind, string source)
    {
        // Arrange
        var caller = TransferSamples.Caller(callerCode, callerKind);
        var input = ValidInput() with { Source = source };

        // Act
        var check = SubmissionValidator.Validate(input, caller, Snapshot, Today);

        // Assert
        Assert.Empty(check.Violations);
        Assert.NotNull(check.Valid);
    }

    [Fact]
    public void Validate_PersonalCodeWithoutHyphen_Valid()
    {
        // Arrange
        var input = ValidInput() with { PersonalCode = "15038512346" };

        // Act
        var check = Validate(input);

        // Assert
        Assert.Empty(check.Violations);
        Assert.Equal("15038512346", check.Valid?.Identity.PersonalCode.Digits);
    }

    [Fact]
    public void Validate_NewCodeWithFormerOldCode_ValidWithBothCodes()
    {
        // Arrange
        var input = ValidInput() with { PersonalCode = "32345678901", FormerPersonalCode = OldFormatCode };

        // Act
        var check = Validate(input);

        // Assert
        Assert.Empty(check.Violations);
        Assert.Equal("32345678901", check.Valid?.Identity.PersonalCode.Digits);
        Assert.Equal("15038512346", check.Valid?.Identity.FormerPersonalCode?.Digits);
    }

    [Fact]
    public void Validate_NewCodeWithoutFormerCode_BirthDateTakenAsGiven()
    {
        // Arrange
        var input = ValidInput() with { PersonalCode = "32345678901", BirthDate = new DateInput(1979, 8, 2) };

        // Act
        var check = Validate(input);

        // Assert
        Assert.Empty(check.Violations);
        Assert.Equal(new DateOnly(1979, 8, 2), check.Valid?.BirthDate);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-uuid")]
    [InlineData("0190f3c27a4b7d1e9c3f5a6b7c8d9e0f")]
    [InlineData("{0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f}")]
    [InlineData("0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0")]
    [InlineData("0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0g")]
    [InlineData(" 0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f")]
    [InlineData("0190f3c2-7a4b-7d1e-9c3f-5a6b7c8d9e0f\n")]
    public void Validate_RequestIdNotAUuid_ViolationOnRequestId(string requestId)
    {
        // Arrange
        var input = ValidInput() with { RequestId = requestId };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "request_id");
    }

    [Theory]
    [InlineData("")]
    [InlineData("DI 2026/0042")]
    [InlineData("-DI-2026/0042")]
    [InlineData("DI|2026|0042")]
    [InlineData("DI-2026/0042\n")]
    [InlineData("DI-2026/Nr.ā")]
    public void Validate_CaseNumberNotAnIdentifier_ViolationOnCaseNumber(string caseNumber)
    {
        // Arrange
        var input = ValidInput() with { CaseNumber = caseNumber };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.case_number");
    }

    [Fact]
    public void Validate_CaseNumberOf65Characters_ViolationOnCaseNumber()
    {
        // Arrange
        var input = ValidInput() with { CaseNumber = new string('A', 65) };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.case_number");
    }

    [Fact]
    public void Validate_CaseNumberOf64Characters_Valid()
    {
        // Arrange
        var input = ValidInput() with { CaseNumber = new string('A', 64) };

        // Act
        var check = Validate(input);

        // Assert
        Assert.Empty(check.Violations);
    }

    [Theory]
    [InlineData("")]
    [InlineData("see the plan of 3 March")]
    [InlineData("IAP 2026 17")]
    public void Validate_SupportPlanReferenceFreeText_ViolationOnSupportPlanReference(string reference)
    {
        // Arrange
        var input = ValidInput() with { SupportPlanReference = reference };

        // Act
        var check = Validate(input);

        // Assert
        AssertSingleViolation(check, "transfer.support_plan_reference");
    }

    [Theory]
    [InlineData("institutions/vsac-nowhere", "names no institution known to the registry")]
    [InlineData("institutions/mun-jelgava", "must be a state social care centre, one of its branches or a child-care institution")]
    [InlineData("institutions/prov-x", "must be a state social care centre, one of its branches or a child-care institution")]
    [InlineData("institutions/vsac-latgale", "must be the calling institution or one of its branches")]
    [InlineData("institutions/vsac-latgale-kalkuni", "must be the calling institution or one of its branches")]
    [InlineData("institutions/vsac-zemgale-closed", "no longer exists")]
    [InlineData("vsac-zemgale-jelgava", "must be an institution name of the form institutions/{code}")]
    [InlineData("institutions/VSAC-ZEMGALE-JELGAVA", "must be an institution name of the form institutions/{code}")]
    [InlineData("institutions/vsac-zemgale-jelgava/x", "must be an institution name of the form institutions/{code}")]
    [InlineData("", "must be an institution name of the form institutions/{code}")]
    public void Validate_SourceNotTheCallersCareInstitution_ViolationOnSource(string source, string expectedDescription)
    {
        // Arrange
        var input = ValidInput() with { Source = source };

        // Act
        var check = Validate(input);

        // Assert
        var violation = AssertSingleViolation(check, "transfer.source");
        Assert.Equal(expectedDescription, violation.Description);
    }

    [Theory]
    [InlineData("institutions/vsac-zemgale-iecava")]
    [InlineData("institutions/vsac-zemgale")]
    public void Validate_BranchSendsForItsSiblingOrItsCentre_ViolationOnSource(string source)
    {
        // Arrange
        var caller = TransferSamples.Caller("vsac-zemgale-jelgava", InstitutionKind.CareCentreBranch);
        var input = ValidInput() with { Source = source };

        // Act
        var check = SubmissionValidator.Validate(input, caller, Snapshot, Today);

        // Assert
        var violation = AssertSingleViolation(check, "transfer.source");
        Assert.Equal("must be the calling institution or one of its branches", violation.Description);
    }

    [Fact]
    public void Validate_ManyWrongFields_ReportsEveryOne()
    {
        // Arrange
        var input = new SubmissionInput(
            RequestId: "42",
            CaseNumber: string.Empty,
            Source: "institutions/vsac-nowhere",
            PersonalCode: "150385-12345",
            FormerPersonalCode: string.Empty,
            GivenName: " Anna",
            FamilyName: string.Empty,
            BirthDate: null,
            TargetGroup: 0,
            DestinationMunicipality: "institutions/prov-x",
            RequestedServices: [],
            DestinationProvider: "institutions/mun-jelgava",
            PlannedMoveDate: new DateInput(2014, 12, 31),
            SupportPlanReference: "see the plan");

        // Act
        var check = Validate(input);

        // Assert
        Assert.Null(check.Valid);
        Assert.Equal(
            [
                "request_id",
                "transfer.case_number",
                "transfer.destination_municipality",
                "transfer.destination_provider",
                "transfer.person.birth_date",
                "transfer.person.family_name",
                "transfer.person.given_name",
                "transfer.person.personal_code",
                "transfer.planned_move_date",
                "transfer.requested_services",
                "transfer.source",
                "transfer.support_plan_reference",
                "transfer.target_group",
            ],
            check.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("150385-12345", "", 1985, 3, 15)]
    [InlineData("150385-92346", "", 1985, 3, 15)]
    [InlineData("310285-12346", "", 1985, 3, 15)]
    [InlineData(OldFormatCode, "", 1985, 3, 16)]
    [InlineData(OldFormatCode, "150385-12346", 1985, 3, 16)]
    [InlineData("32345678901", "150385-12345", 1985, 3, 15)]
    [InlineData("32345678901", "150385-12346", 1985, 3, 16)]
    [InlineData("32345678901", "32345678902", 1985, 3, 15)]
    public void Validate_PersonalCodeRelatedViolations_DescriptionsNeverEchoTheCodes(
        string personalCode, string formerPersonalCode, int year, int month, int day)
    {
        // Arrange
        var input = ValidInput() with
        {
            PersonalCode = personalCode,
            FormerPersonalCode = formerPersonalCode,
            BirthDate = new DateInput(year, month, day),
        };

        // Act
        var check = Validate(input);

        // Assert
        Assert.NotEmpty(check.Violations);
        Assert.All(check.Violations, v =>
        {
            Assert.DoesNotMatch(@"\d{5}", v.Description);
            Assert.DoesNotContain("150385", v.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("2345678", v.Description, StringComparison.Ordinal);
        });
    }
}
