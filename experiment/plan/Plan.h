#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "Sweep.h"

// The plan of one sweep point and repetition (schema "minitwitter-experiment-plan/1",
// notes/issue6-design.md): hosts, processes, their argv and env, what the driver
// (tools/experiment-driver) executes. Placeholders {ip:NAME} and {out} are the
// driver's to fill in.
namespace mt::experiment {

enum class Backend { mininet, loopback };

struct PlanContext {
  Backend backend = Backend::mininet;
  std::filesystem::path outDir;         // this point and repetition's folder (absolute)
  std::string serverBinary;             // minitwitter
  std::string clientBinary;             // minitwitter-client
  std::string postgresBin;              // folder of initdb, postgres, pg_isready
  std::filesystem::path topologiesDir;  // holds <kind>.py
  std::string databasePassword;         // random per run, chosen by the runner
  int postgresPort = 5432;              // loopback: a free port chosen by the runner
  int startDelaySeconds = 2;            // from "all healthy" to the clients' start
};

inline constexpr const char* kPlanSchema = "minitwitter-experiment-plan/1";
inline constexpr const char* kDatabaseName = "twitter";
inline constexpr const char* kDatabaseUser = "minitwitter";

// `repetition` counts from 1.
nlohmann::json buildPlan(const SweepPoint& point, int repetition, const PlanContext& context);

// Seconds the driver waits for the clients once started: warm-up + duration + the
// accounts' set-up (sign-ups at the servers' password cost) + a margin.
int clientDeadlineSeconds(const ExperimentConfig& config);

}  // namespace mt::experiment
