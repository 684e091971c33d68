using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Time;
using GoogleDate = Google.Type.Date;

namespace DeinstGateway.Server.Common;

/// <summary>google.type.Date ↔ DateOnly. Partial dates (no day, no year) are refused.</summary>
public static class DateMapping
{
    public static GoogleDate? ToProto(this DateOnly? date) => date is { } d ? d.ToProto() : null;

    public static GoogleDate ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    /// <summary>The date as sent, left for Core to check, so that it can name every wrong field at once.</summary>
    public static DateInput? ToInput(this GoogleDate? date) => date is null ? null : new DateInput(date.Year, date.Month, date.Day);

    public static DateOnly ToDateOnly(this GoogleDate date, string field)
    {
        if (date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1
            || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            throw new ValidationException(field, "must be a full calendar date (year, month and day) that exists");
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }
}
