// Internal header. Events as an RFC 7946 GeoJSON FeatureCollection: one Point
// feature per event that has coordinates ([longitude, latitude], WGS 84), the
// ACLED fields as properties, for QGIS, kepler.gl or a web map.
#ifndef RASD_EXPORT_GEOJSON_H_
#define RASD_EXPORT_GEOJSON_H_

#include <string>

#include "rasd/event.h"

#include "export/acled_csv.h"

namespace rasd {

// Writes features into one FeatureCollection: Begin, any number of Append, End.
class GeoJsonWriter {
 public:
  explicit GeoJsonWriter(std::string* out) : out_(out) {}
  void Begin();
  // Appends the event as a feature; false (and nothing written) without coordinates.
  bool Append(const Event& event, const EventContext& context);
  void End();

 private:
  std::string* out_;
  bool first_ = true;
};

}  // namespace rasd

#endif  // RASD_EXPORT_GEOJSON_H_
