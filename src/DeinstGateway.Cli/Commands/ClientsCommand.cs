using System.CommandLine;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Cli.Output;
using Deinst.V1;

namespace DeinstGateway.Cli.Commands;

/// <summary><c>deinst clients lookup|show</c>: the people the programme serves. Each call is in the person's access log.</summary>
public static class ClientsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var code = new Argument<string>("personal-code") { Description = "The person's personal code, 11 digits, with or without the hyphen." };
        var lookup = new Command("lookup", "Finds a client of your institution by personal code. The look-up is written in the person's access log with your purpose.") { code };
        lookup.WithSession(environment, null, async (session, parse, cancellationToken) =>
        {
            var client = await new ClientService.ClientServiceClient(session.Invoker)
                .LookupClientAsync(new LookupClientRequest { PersonalCode = parse.GetValue(code)! }, cancellationToken: cancellationToken);
            var table = new ResultTable("Client", "id", "given name", "family name", "personal code", "born", "target group");
            table.Add(client, Names.Id(client.Name), client.Person?.GivenName ?? string.Empty, client.Person?.FamilyName ?? string.Empty,
                client.Person?.PersonalCode ?? string.Empty, Names.Date(client.Person?.BirthDate), Names.Words(client.TargetGroup));
            table.Write(environment, session.Output, single: true);
            return ExitCodes.Ok;
        });

        var id = new Argument<string>("id") { Description = "The client's id, as `clients lookup` shows it." };
        var show = new Command("show", "Shows one client on one screen: responsible municipality, providers, transfers and this year's services.") { id };
        show.WithSession(environment, null, async (session, parse, cancellationToken) =>
        {
            var overview = await new ClientService.ClientServiceClient(session.Invoker)
                .GetClientAsync(new GetClientRequest { Name = Names.Resource("clients", parse.GetValue(id)!) }, cancellationToken: cancellationToken);
            var person = overview.Client.Person;
            var table = new ResultTable($"Client {Names.Id(overview.Client.Name)}", "id", "person", "personal code", "responsible", "providers", "transfers", "services this year");
            table.Add(overview, Names.Id(overview.Client.Name), $"{person?.GivenName} {person?.FamilyName}".Trim(), person?.PersonalCode ?? string.Empty,
                string.Join(", ", overview.Responsibilities.Select(r => InstitutionsCommand.Code(r.Institution))),
                string.Join(", ", overview.Providers.Select(r => InstitutionsCommand.Code(r.Institution))),
                string.Join(", ", overview.Transfers.Select(t => $"{Names.Id(t.Name)} ({Names.Words(t.State)})")),
                string.Join(", ", overview.Services.Select(s => $"{Names.Words(s.ServiceType)} {s.DeliveredThisYear}" + (s.HasYearlyCap ? $"/{s.YearlyCap}" : string.Empty))));
            table.Write(environment, session.Output, single: true);
            return ExitCodes.Ok;
        });

        return new Command("clients", "Find the people your institution serves. Declare your purpose with --purpose (or in your profile).") { lookup, show };
    }
}
