package dev.etlkit.examples.employee;

import dev.etlkit.transform.EmailAddress;
import dev.etlkit.transform.OneOf;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.validator.constraints.CodePointLength;
import org.jspecify.annotations.Nullable;

/**
 * An employee as the seed's validation schema describes one, for
 * {@link dev.etlkit.transform.Validate#beans(Class)}. The messages are worded like the declarative rules
 * of {@link EmployeeRules#validateWithRules()}, so that both paths report the same violations.
 *
 * @param id non-blank
 * @param name 2 to 100 characters
 * @param email {@code local@domain.tld}
 * @param age 16 to 100
 * @param department one of {@link EmployeeRules#DEPARTMENTS}
 * @param salary more than 0, at most 1,000,000
 * @param joinDate not after today
 * @param isActive required
 * @param metadata optional free-form data
 */
public record Employee(
    @NotBlank(message = REQUIRED) String id,
    @NotBlank(message = REQUIRED) @CodePointLength(min = 2, max = 100, message = "must be 2 to 100 characters long") String name,
    @NotBlank(message = REQUIRED) @EmailAddress String email,
    @NotNull(message = REQUIRED) @Min(value = 16, message = AGE) @Max(value = 100, message = AGE) Long age,
    @NotBlank(message = REQUIRED) @OneOf({"Engineering", "Sales", "Marketing", "HR", "Finance"}) String department,
    @NotNull(message = REQUIRED) @DecimalMin(value = "0", inclusive = false, message = SALARY)
    @DecimalMax(value = "1000000", message = SALARY) BigDecimal salary,
    @NotNull(message = REQUIRED) @PastOrPresent(message = "must not be in the future") LocalDate joinDate,
    @NotNull(message = REQUIRED) Boolean isActive,
    @Nullable Map<String, Object> metadata) {

  static final String REQUIRED = "is required";
  static final String AGE = "must be between 16 and 100";
  static final String SALARY = "must be greater than 0 and at most 1000000";
}
