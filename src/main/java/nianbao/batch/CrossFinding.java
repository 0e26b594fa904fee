package nianbao.batch;

import java.util.List;
import nianbao.model.Finding;

/** A finding of a cross-report rule (codes X-…) and the inputs it involves. */
public record CrossFinding(Finding finding, List<String> sources) {}
