/**
 * The seed's employee profile, exactly as DESIGN.md states it: the {@link dev.etlkit.examples.employee.Employee}
 * bean and the {@link dev.etlkit.examples.employee.EmployeeRules} that normalize, validate, enrich and
 * deduplicate employee records.
 */
@NullMarked
package dev.etlkit.examples.employee;

import org.jspecify.annotations.NullMarked;
