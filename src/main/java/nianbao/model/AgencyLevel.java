package nianbao.model;

/** Who issued the report: a people's government, one of its departments, or a township/street office. */
public enum AgencyLevel { GOVERNMENT, DEPARTMENT, TOWNSHIP, UNKNOWN }
