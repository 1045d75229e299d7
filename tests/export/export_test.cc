// The export formats, checked by reading back what they write: ACLED CSV
// parsed as RFC 4180, GeoJSON parsed with simdjson, the terminal table's
// alignment. Events are built from real reports of the dev corpus (snn-035,
// snn-049), so fields carry real Arabic with commas and quotes.
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "common/utf8.h"
#include "export/acled_csv.h"
#include "export/geojson.h"
#include "export/table.h"

namespace rasd {
namespace {

Event AirStrikeOnAriha() {
  Event e;
  e.event_type = "Explosions/Remote violence";
  e.sub_event_type = "Air/drone strike";
  e.actor1 = "SYRIAN_AIR_FORCE";
  e.actor2 = "CIVILIANS";
  e.inter1 = 1;
  e.inter2 = 7;
  e.date = "2015-08-03";
  e.time_precision = 1;
  e.fatalities = 27;
  Location loc;
  loc.name = "أريحا";
  loc.place_id = "gn:173576";
  loc.lat = 35.81;
  loc.lon = 36.61;
  loc.admin1 = "إدلب";
  e.location = loc;
  return e;
}

EventContext AribaContext() {
  EventContext c;
  c.event_id = "SYR7";
  c.source = "alriyadh; alwatan";
  // A real evidence sentence (snn-035), with its comma and a quotation.
  c.notes =
      "إنّ 31 شخصًا قتلوا حينما سقطت مقاتلة سورية على سوق مزدحم في بلدة أريحا، "
      "بسبب \"خلل تقني\"";
  c.fatalities_max = 31;
  c.articles = 2;
  c.distinct_sources = 2;
  return c;
}

// A minimal RFC 4180 reader: records of fields, quotes doubled inside quotes.
std::vector<std::vector<std::string>> ParseCsv(const std::string& csv) {
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        records.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        records.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      ++i;
      records.emplace_back(1);
    } else {
      records.back().back() += c;
    }
  }
  if (records.back().size() == 1 && records.back()[0].empty()) records.pop_back();
  return records;
}

TEST(AcledCsvTest, HeaderHasAcledColumnsInOrder) {
  std::string out;
  WriteAcledCsvHeader(&out);
  EXPECT_EQ(out,
            "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
            "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,"
            "civilian_targeting,iso,country,admin1,admin2,admin3,location,latitude,longitude,"
            "geo_precision,source,notes,fatalities\r\n");
}

TEST(AcledCsvTest, RowRoundTripsThroughAnRfc4180Reader) {
  std::string out;
  WriteAcledCsvHeader(&out);
  Event e = AirStrikeOnAriha();
  e.assoc_actor_1 = {"RUSSIAN_FORCES", "new:لواء, \"صقور\""};
  AppendAcledCsvRow(e, AribaContext(), &out);
  const auto records = ParseCsv(out);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_EQ(records[1].size(), records[0].size());
  std::map<std::string, std::string> row;
  for (std::size_t i = 0; i < records[0].size(); ++i) row[records[0][i]] = records[1][i];
  EXPECT_EQ(row["event_id_cnty"], "SYR7");
  EXPECT_EQ(row["year"], "2015");
  EXPECT_EQ(row["disorder_type"], "Political violence");
  EXPECT_EQ(row["interaction"], "17");
  EXPECT_EQ(row["civilian_targeting"], "Civilian targeting");
  EXPECT_EQ(row["iso"], "760");
  EXPECT_EQ(row["country"], "Syria");
  EXPECT_EQ(row["location"], "أريحا");
  EXPECT_EQ(row["latitude"], "35.8100");
  EXPECT_EQ(row["longitude"], "36.6100");
  EXPECT_EQ(row["assoc_actor_1"], "RUSSIAN_FORCES; new:لواء, \"صقور\"");
  EXPECT_EQ(row["notes"], AribaContext().notes);
  EXPECT_EQ(row["fatalities"], "27");
}

TEST(AcledCsvTest, ActorNamesComeFromTheResolver) {
  std::string out;
  EventContext c = AribaContext();
  c.actor_name = [](const std::string& id) {
    return id == "SYRIAN_AIR_FORCE" ? std::string("Military Forces of Syria (2000-)") : "";
  };
  AppendAcledCsvRow(AirStrikeOnAriha(), c, &out);
  const auto fields = ParseCsv(out)[0];
  EXPECT_EQ(fields[7], "Military Forces of Syria (2000-)");
  EXPECT_EQ(fields[10], "CIVILIANS");  // no name known: the id
}

TEST(AcledCsvTest, DisorderTypeAndInteraction) {
  EXPECT_EQ(AcledDisorderType("Battles", "Armed clash"), "Political violence");
  EXPECT_EQ(AcledDisorderType("Protests", "Peaceful protest"), "Demonstrations");
  EXPECT_EQ(AcledDisorderType("Protests", "Excessive force against protesters"),
            "Political violence; Demonstrations");
  EXPECT_EQ(AcledDisorderType("Riots", "Mob violence"), "Political violence");
  EXPECT_EQ(AcledDisorderType("Strategic developments", "Agreement"), "Strategic developments");
  EXPECT_EQ(AcledInteraction(2, 1), 12);
  EXPECT_EQ(AcledInteraction(1, 2), 12);
  EXPECT_EQ(AcledInteraction(3, 0), 30);
  EXPECT_EQ(AcledInteraction(0, 0), 0);
}

TEST(GeoJsonTest, FeatureCollectionParsesWithLonLatOrder) {
  std::string out;
  GeoJsonWriter writer(&out);
  writer.Begin();
  EXPECT_TRUE(writer.Append(AirStrikeOnAriha(), AribaContext()));
  Event no_place = AirStrikeOnAriha();
  no_place.location.reset();
  EXPECT_FALSE(writer.Append(no_place, AribaContext()));
  Event second = AirStrikeOnAriha();
  second.location->name = "دمشق";
  second.location->lat = 33.51;
  second.location->lon = 36.29;
  second.fatalities.reset();
  EXPECT_TRUE(writer.Append(second, AribaContext()));
  writer.End();

  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(out).get(doc), simdjson::SUCCESS) << out;
  EXPECT_EQ(std::string_view(doc["type"]), "FeatureCollection");
  simdjson::dom::array features = doc["features"];
  ASSERT_EQ(features.size(), 2u);
  simdjson::dom::element first = features.at(0);
  EXPECT_EQ(std::string_view(first["type"]), "Feature");
  EXPECT_EQ(std::string_view(first["geometry"]["type"]), "Point");
  simdjson::dom::array coords = first["geometry"]["coordinates"];
  ASSERT_EQ(coords.size(), 2u);
  EXPECT_DOUBLE_EQ(double(coords.at(0)), 36.61);  // longitude first (RFC 7946)
  EXPECT_DOUBLE_EQ(double(coords.at(1)), 35.81);
  EXPECT_EQ(std::string_view(first["properties"]["location"]), "أريحا");
  EXPECT_EQ(int64_t(first["properties"]["fatalities"]), 27);
  EXPECT_EQ(int64_t(first["properties"]["fatalities_max"]), 31);
  EXPECT_TRUE(features.at(1)["properties"]["fatalities"].is_null());
}

TEST(GeoJsonTest, EmptyCollectionIsValid) {
  std::string out;
  GeoJsonWriter writer(&out);
  writer.Begin();
  writer.End();
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(out).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(simdjson::dom::array(doc["features"]).size(), 0u);
}

TEST(TextTableTest, ColumnsAlignByCodePoints) {
  TextTable table({"id", "location", "fatalities"}, 12);
  table.AddRow({"1", "أريحا", "27"});
  table.AddRow({"22", "ريف دمشق الغربي والقلمون", "5"});
  const std::string out = table.Render();
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < out.size();) {
    const std::size_t nl = out.find('\n', start);
    lines.push_back(out.substr(start, nl - start));
    start = nl + 1;
  }
  ASSERT_EQ(lines.size(), 4u);
  // The third column starts at the same code point on every line.
  auto column_of = [](const std::string& line, const std::string& cell) {
    return utf8::CountCodePoints(line.substr(0, line.find(cell)));
  };
  EXPECT_EQ(column_of(lines[0], "fatalities"), column_of(lines[2], "27"));
  EXPECT_EQ(column_of(lines[0], "fatalities"), column_of(lines[3], "5"));
  EXPECT_NE(lines[3].find("\u2026"), std::string::npos);  // the long name was cut
}

}  // namespace
}  // namespace rasd
