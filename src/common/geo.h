// Internal header. Great-circle distance between two points given in degrees,
// for the rules that ask whether two places are one locality (extract) or one
// event's location (store dedup).
#ifndef RASD_COMMON_GEO_H_
#define RASD_COMMON_GEO_H_

#include <algorithm>
#include <cmath>
#include <numbers>

namespace rasd {

// Kilometres between (lat1, lon1) and (lat2, lon2), by the haversine formula.
inline double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusKm = 6371.0;
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (lat2 - lat1) * kRad;
  const double dlon = (lon2 - lon1) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace rasd

#endif  // RASD_COMMON_GEO_H_
