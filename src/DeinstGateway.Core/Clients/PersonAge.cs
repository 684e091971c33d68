namespace DeinstGateway.Core.Clients;

public static class PersonAge
{
    /// <summary>Whole years completed on <paramref name="date"/>: 17 until the day before the 18th birthday.</summary>
    public static int YearsOn(DateOnly birthDate, DateOnly date)
    {
        var years = date.Year - birthDate.Year;
        // A 29 February birthday is reached on 1 March in common years.
        var birthdayThisYear = birthDate.Month == 2 && birthDate.Day == 29 && !DateTime.IsLeapYear(date.Year)
            ? new DateOnly(date.Year, 3, 1)
            : new DateOnly(date.Year, birthDate.Month, birthDate.Day);
        return date < birthdayThisYear ? years - 1 : years;
    }
}
