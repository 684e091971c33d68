using System.CommandLine;
using System.Globalization;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Cli.Output;
using Deinst.V1;

namespace DeinstGateway.Cli.Commands;

/// <summary><c>deinst capacity show|set</c>: community places per provider and service.</summary>
public static class CapacityCommand
{
    public static Command Create(CliEnvironment environment) =>
        new("capacity", "Community places: how many there are, reserved, occupied and free.") { Show(environment), Set(environment) };

    private static Command Show(CliEnvironment environment)
    {
        var region = new Option<string?>("--region") { Description = "Only this planning region, e.g. pr-zemgale." };
        var municipality = new Option<string?>("--municipality") { Description = "Only this municipality, e.g. mun-jelgava." };
        var provider = new Option<string?>("--provider") { Description = "Only this provider." };
        var service = new Option<string?>("--service") { Description = "Only this service: " + Names.Choices<ServiceType>() + "." };
        var date = new Option<string?>("--date") { Description = "The day to count (YYYY-MM-DD); today when left out." };
        var command = new Command("show", "Shows the places of every provider and service you may see, per municipality, with free places highlighted.")
        {
            region, municipality, provider, service, date,
        };
        return command.WithSession(environment, null, async (session, parse, cancellationToken) =>
        {
            var request = new QueryCapacityRequest
            {
                PlanningRegion = Institution(parse.GetValue(region)),
                Municipality = Institution(parse.GetValue(municipality)),
                Provider = Institution(parse.GetValue(provider)),
            };
            if (parse.GetValue(service) is { } s)
            {
                request.ServiceType = Names.Parse<ServiceType>(s) ?? throw new UsageException($"--service must be one of {Names.Choices<ServiceType>()}.");
            }

            if (parse.GetValue(date) is { } d)
            {
                request.Date = Names.Date(Names.ParseDate(d) ?? throw new UsageException("--date must be a date as YYYY-MM-DD."));
            }

            var answer = await new CapacityService.CapacityServiceClient(session.Invoker).QueryCapacityAsync(request, cancellationToken: cancellationToken);
            var table = new ResultTable($"Places on {Names.Date(answer.Date)}", "municipality", "provider", "service", "total", "reserved", "occupied", "free")
            {
                FreeColumn = "free",
            };
            foreach (var row in answer.Rows.OrderBy(r => r.Municipality.DisplayName, StringComparer.CurrentCulture).ThenBy(r => r.Provider.DisplayName, StringComparer.CurrentCulture))
            {
                table.Add(row, [row.Municipality.DisplayName, row.Provider.DisplayName, Names.Words(row.ServiceType), .. Counts(row.Counts)]);
            }

            table.Write(environment, session.Output);
            return ExitCodes.Ok;
        });
    }

    private static Command Set(CliEnvironment environment)
    {
        var provider = new Option<string>("--provider") { Description = "The provider, e.g. prov-demo-jelgava-workshop.", Required = true };
        var service = new Option<string>("--service") { Description = "The service: " + Names.Choices<ServiceType>() + ".", Required = true };
        var places = new Option<int>("--places") { Description = "How many places from that day on; 0 closes the service.", Required = true };
        var from = new Option<string?>("--from") { Description = "The first day (YYYY-MM-DD, today or later); today when left out." };
        var command = new Command("set", "Declares how many places a provider has for a service from a day on. Earlier days are never changed.")
        {
            provider, service, places, from,
        };
        return command.WithSession(environment, null, async (session, parse, cancellationToken) =>
        {
            var request = new SetCapacityRequest
            {
                Provider = Names.Resource("institutions", parse.GetValue(provider)!),
                ServiceType = Names.Parse<ServiceType>(parse.GetValue(service)!) ?? throw new UsageException($"--service must be one of {Names.Choices<ServiceType>()}."),
                Places = parse.GetValue(places),
                EffectiveFrom = Names.Date(parse.GetValue(from) is { } f
                    ? Names.ParseDate(f) ?? throw new UsageException("--from must be a date as YYYY-MM-DD.")
                    : DateOnly.FromDateTime(DateTime.Today)),
            };
            var declared = await new CapacityService.CapacityServiceClient(session.Invoker).SetCapacityAsync(request, cancellationToken: cancellationToken);
            var table = new ResultTable("Declared", "provider", "service", "places", "from");
            table.Add(declared, declared.Provider.DisplayName, Names.Words(declared.ServiceType), declared.Places.ToString(CultureInfo.InvariantCulture), Names.Date(declared.EffectiveFrom));
            table.Write(environment, session.Output, single: true);
            return ExitCodes.Ok;
        });
    }

    public static string[] Counts(PlaceCounts counts) =>
        [.. new[] { counts.Total, counts.Reserved, counts.Occupied, counts.Free }.Select(n => n.ToString(CultureInfo.InvariantCulture))];

    private static string Institution(string? code) => code is null ? string.Empty : Names.Resource("institutions", code);
}
