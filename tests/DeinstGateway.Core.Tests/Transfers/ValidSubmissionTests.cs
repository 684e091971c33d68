using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Transfers;
using static DeinstGateway.Core.Tests.Transfers.SubmissionSamples;

namespace DeinstGateway.Core.Tests.Transfers;

public sealed class ValidSubmissionTests
{
    [Fact]
    public void ContentHash_SameSubmissionOtherRequestId_Equal()
    {
        // Arrange
        var first = Resolved(ValidInput());
        var second = Resolved(ValidInput() with { RequestId = "0190f3c2-7a4b-7d1e-9c3f-000000000002" });

        // Act
        var firstHash = first.ContentHash();
        var secondHash = second.ContentHash();

        // Assert
        Assert.NotEqual(first.RequestId, second.RequestId);
        Assert.Equal(firstHash, secondHash);
    }

    [Fact]
    public void ContentHash_ServicesInOtherOrderAndCodeWithoutHyphen_Equal()
    {
        // Arrange
        var first = Resolved(ValidInput() with { RequestedServices = [3, 1] });
        var second = Resolved(ValidInput() with { RequestedServices = [1, 3], PersonalCode = "15038512346" });

        // Act
        var firstHash = first.ContentHash();
        var secondHash = second.ContentHash();

        // Assert
        Assert.Equal(firstHash, secondHash);
    }

    [Theory]
    [InlineData("case_number")]
    [InlineData("source")]
    [InlineData("personal_code")]
    [InlineData("former_personal_code")]
    [InlineData("given_name")]
    [InlineData("family_name")]
    [InlineData("birth_date")]
    [InlineData("target_group")]
    [InlineData("destination_municipality")]
    [InlineData("requested_services")]
    [InlineData("destination_provider")]
    [InlineData("planned_move_date")]
    [InlineData("support_plan_reference")]
    public void ContentHash_OneFieldDiffers_Differs(string field)
    {
        // Arrange
        // A new-format code encodes no birth date, so each field can change on its own.
        var original = Resolved(ValidInput() with { PersonalCode = "32345678901" });
        var changed = field switch
        {
            "case_number" => original with { CaseNumber = "DI-2026/0043" },
            "source" => original with { Source = Snapshot.Find("vsac-zemgale")! },
            "personal_code" => original with
            {
                Identity = original.Identity with { PersonalCode = PersonalCode.Parse("32345678902") },
            },
            "former_personal_code" => original with
            {
                Identity = original.Identity with { FormerPersonalCode = PersonalCode.Parse(OldFormatCode) },
            },
            "given_name" => original with { Identity = original.Identity with { GivenName = "Anne" } },
            "family_name" => original with { Identity = original.Identity with { FamilyName = "Bērziņš" } },
            "birth_date" => original with { BirthDate = new DateOnly(1985, 3, 16) },
            "target_group" => original with { TargetGroup = TargetGroup.ChildInOutOfFamilyCare },
            "destination_municipality" => original with { DestinationMunicipality = Snapshot.Find("mun-madona")! },
            "requested_services" => original with { RequestedServices = [ServiceType.GroupHome] },
            "destination_provider" => original with { DestinationProvider = null },
            "planned_move_date" => original with { PlannedMoveDate = new DateOnly(2027, 1, 16) },
            "support_plan_reference" => original with { SupportPlanReference = "IAP-2026-18" },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No change defined for this field."),
        };

        // Act
        var originalHash = original.ContentHash();
        var changedHash = changed.ContentHash();

        // Assert
        Assert.NotEqual(originalHash, changedHash);
    }

    [Fact]
    public void ContentHash_SameWordsSplitOtherwiseBetweenNames_Differs()
    {
        // Arrange
        var first = Resolved(ValidInput() with { GivenName = "Anna Marija", FamilyName = "Bērziņa" });
        var second = Resolved(ValidInput() with { GivenName = "Anna", FamilyName = "Marija Bērziņa" });

        // Act
        var firstHash = first.ContentHash();
        var secondHash = second.ContentHash();

        // Assert
        Assert.NotEqual(firstHash, secondHash);
    }
}
