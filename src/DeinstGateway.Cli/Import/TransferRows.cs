using DeinstGateway.Cli.Output;
using Deinst.V1;

namespace DeinstGateway.Cli.Import;

/// <summary>
/// A row of a transfers file as a SubmitTransfers message. The columns (CSV header or JSON
/// field names) are documented in docs/cli.md; what the gateway checks it checks itself, and
/// only what cannot be put into a message at all is refused here.
/// </summary>
public static class TransferRows
{
    public static (SubmitTransferRequest? Request, List<string> Problems) Read(SourceRow row, string? defaultSource)
    {
        var problems = new List<string>();
        if (row.Problem is { } problem)
        {
            return (null, [problem]);
        }

        var source = Institution(row["source"].Length > 0 ? row["source"] : defaultSource ?? string.Empty);
        var submission = new TransferSubmission
        {
            CaseNumber = row["case_number"],
            Source = source,
            Person = new Person
            {
                PersonalCode = row["personal_code"],
                GivenName = row["given_name"],
                FamilyName = row["family_name"],
                BirthDate = RowValues.Date(row, "birth_date", problems),
                FormerPersonalCode = row["former_personal_code"],
            },
            TargetGroup = RowValues.Enum<TargetGroup>(row, "target_group", problems),
            DestinationMunicipality = Institution(row["destination_municipality"]),
            DestinationProvider = Institution(row["destination_provider"]),
            PlannedMoveDate = RowValues.Date(row, "planned_move_date", problems),
            SupportPlanReference = row["support_plan_reference"],
        };
        foreach (var service in row["requested_services"].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Names.Parse<ServiceType>(service) is { } type)
            {
                submission.RequestedServices.Add(type);
            }
            else
            {
                problems.Add($"requested_services: \"{service}\" is not a service; use {Names.Choices<ServiceType>()}");
            }
        }

        return problems.Count > 0
            ? (null, problems)
            : (new SubmitTransferRequest { RequestId = RequestIds.From("transfer", source, submission.CaseNumber), Transfer = submission }, problems);
    }

    private static string Institution(string code) => code.Length == 0 ? string.Empty : Names.Resource("institutions", code);
}
