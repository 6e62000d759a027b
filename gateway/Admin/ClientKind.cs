namespace CountyTech.Gateway.Admin;

/// <summary>Who a client is: a city-level system (市级系统) or a county department's app (部门应用).</summary>
public enum ClientKind
{
    CitySystem,
    DepartmentApp,
}
