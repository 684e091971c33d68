using System.CommandLine;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Cli.Output;
using Deinst.V1;

namespace DeinstGateway.Cli.Commands;

/// <summary><c>deinst institutions list|show</c>: the registry of institutions.</summary>
public static class InstitutionsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var kind = new Option<string?>("--kind") { Description = "Only institutions of this kind: " + Names.Choices<InstitutionKind>() + "." };
        var region = new Option<string?>("--region") { Description = "Only institutions in this planning region, e.g. pr-zemgale." };
        var municipality = new Option<string?>("--municipality") { Description = "Only institutions in this municipality, e.g. mun-madona." };
        var validOn = new Option<string?>("--valid-on") { Description = "Only institutions that exist on this day (YYYY-MM-DD); today when left out." };
        var list = new Command("list", "Lists the institutions of the programme: ministry, regions, municipalities, care centres, providers.")
        {
            kind, region, municipality, validOn,
        };
        list.WithSession(environment, null, async (session, parse, cancellationToken) =>
        {
            var request = new ListInstitutionsRequest { PageSize = 1000 };
            if (parse.GetValue(kind) is { } k)
            {
                request.Kind = Names.Parse<InstitutionKind>(k) ?? throw new UsageException($"--kind must be one of {Names.Choices<InstitutionKind>()}.");
            }

            request.PlanningRegion = parse.GetValue(region) is { } r ? Names.Resource("institutions", r) : string.Empty;
            request.Municipality = parse.GetValue(municipality) is { } m ? Names.Resource("institutions", m) : string.Empty;
            if (parse.GetValue(validOn) is { } day)
            {
                request.ValidOn = Names.Date(Names.ParseDate(day) ?? throw new UsageException("--valid-on must be a date as YYYY-MM-DD."));
            }

            var registry = new RegistryService.RegistryServiceClient(session.Invoker);
            var table = new ResultTable("Institutions", "code", "kind", "name", "municipality", "region");
            do
            {
                var page = await registry.ListInstitutionsAsync(request, cancellationToken: cancellationToken);
                foreach (var institution in page.Institutions)
                {
                    table.Add(
                        institution, institution.Code, Names.Words(institution.Kind), institution.DisplayName,
                        Code(institution.Municipality), Code(institution.PlanningRegion));
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            table.Write(environment, session.Output);
            return ExitCodes.Ok;
        });

        var code = new Argument<string>("code") { Description = "The institution's code, e.g. mun-madona." };
        var show = new Command("show", "Shows one institution: its kind, region, municipality, address and services.") { code };
        show.WithSession(environment, null, async (session, parse, cancellationToken) =>
        {
            var registry = new RegistryService.RegistryServiceClient(session.Invoker);
            var institution = await registry.GetInstitutionAsync(
                new GetInstitutionRequest { Name = Names.Resource("institutions", parse.GetValue(code)!) }, cancellationToken: cancellationToken);
            var table = new ResultTable(institution.DisplayName, "code", "kind", "region", "municipality", "parent", "address", "valid from", "valid to", "services");
            table.Add(
                institution, institution.Code, Names.Words(institution.Kind), Code(institution.PlanningRegion), Code(institution.Municipality),
                Code(institution.Parent), institution.Address, Names.Date(institution.ValidFrom), Names.Date(institution.ValidTo),
                string.Join(" ", institution.OfferedServices.Select(Names.Words)));
            table.Write(environment, session.Output, single: true);
            return ExitCodes.Ok;
        });

        return new Command("institutions", "Look up institutions in the gateway's registry.") { list, show };
    }

    public static string Code(InstitutionReference? reference) => reference is null || reference.Name.Length == 0 ? string.Empty : Names.Id(reference.Name);
}
