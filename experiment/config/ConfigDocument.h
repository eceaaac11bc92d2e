#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ConfigValue.h"

// An experiment config as written, before it means anything: every scalar setting by
// its dotted path ("servers.instances") with where it was written, the sweep's lists in
// the order they appear. The file, --set overrides and sweep points all change this one
// document; ExperimentConfig.h turns it into a validated config.
namespace mt::experiment {

struct SweepAxis {
  std::string key;  // a dotted path of ConfigSchema.h
  Location where;   // where the list was written
  std::vector<Setting> values;
};

struct ConfigDocument {
  std::string origin;             // the file's path as given, or the text's name
  std::filesystem::path baseDir;  // relative scenario files in the file start here
  std::map<std::string, Setting> settings;
  std::map<std::string, Location> tables;  // where each table ("servers", …) begins
  std::vector<SweepAxis> sweep;
};

// Parses TOML and checks the shape: only known keys and tables, each key's type, sweep
// lists of known scalar keys (non-empty, elements of the key's type, each key once).
// Throws ConfigError naming origin:line and the key.
ConfigDocument parseConfigDocument(std::string_view text, const std::string& origin);
// The same over a file; relative scenario paths in it are taken from its folder.
ConfigDocument readConfigDocument(const std::string& path);

// `--set key=value`: `key` is a dotted path of ConfigSchema.h, `value` a TOML value
// (a string key also takes unquoted text: workload.scenario=mixed; a duration takes
// 2s). A single value replaces the setting and drops the key from the sweep; a list
// ([1, 2, 4]) sweeps over the key (in place of its sweep list, or as the last one).
// Throws ConfigError naming the option and the key.
void applyOverride(ConfigDocument& document, std::string_view assignment);

}  // namespace mt::experiment
