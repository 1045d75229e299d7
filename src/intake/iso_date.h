// Internal header. Publication dates as intake accepts them: ISO yyyy-mm-dd,
// or an ISO datetime that starts with one (the date part is kept). Anything
// else is left for the caller to report; intake keeps the article and drops
// the date (see docs/intake.md).
#ifndef RASD_INTAKE_ISO_DATE_H_
#define RASD_INTAKE_ISO_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace rasd::intake {

// "2015-08-06" and "2015-08-06T10:22:00+03:00" give "2015-08-06"; the day
// must exist in its month (2015-02-29 does not). After the date only 'T' or
// ' ' may follow. Surrounding ASCII spaces are ignored.
std::optional<std::string> IsoDatePart(std::string_view value);

}  // namespace rasd::intake

#endif  // RASD_INTAKE_ISO_DATE_H_
