namespace DeinstGateway.Persistence.Audit;

/// <summary>Told of every group commit of the access log: how many entries it wrote and how long it took.</summary>
public interface IAccessLogObserver
{
    void Committed(int entries, TimeSpan duration);
}
