namespace DeinstGateway.Core.Registry;

/// <summary>An ESF project of the DI measure: records it funds must fall inside its period (both days inclusive).</summary>
public sealed record EsfProject(string Code, string Name, string? PlanningRegionCode, DateOnly Start, DateOnly End);
