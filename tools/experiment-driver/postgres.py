"""A fresh PostgreSQL cluster on the db host, for one run.

initdb into a new folder owned by the postgres user (PostgreSQL refuses root), its own
socket folder, listening on the db host's address only, password (SCRAM) logins from
the experiment subnet (10.0.0.0/8) and 127.0.0.1, the role and database of the plan.
The postmaster is a direct child (through setpriv, which execs) and is stopped by
signalling it, never a wrapper.
"""

import os
import pwd
import signal
import subprocess
import time

from processes import ManagedProcess

PSQL = ["-X", "-P", "pager=off", "-q", "-v", "ON_ERROR_STOP=1"]


class DatabaseError(RuntimeError):
    pass


def hba_rules():
    return ("# Written by the minitwitter experiment driver.\n"
            "local all all trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n"
            "host all all 10.0.0.0/8 scram-sha-256\n")


def settings_text(listen_address, port, socket_dir, extra):
    settings = {"listen_addresses": "'%s'" % listen_address, "port": str(port),
                "unix_socket_directories": "'%s'" % socket_dir,
                "unix_socket_permissions": "0777", "max_connections": "400",
                "shared_buffers": "128MB", "logging_collector": "off"}
    for key, value in (extra or {}).items():
        settings[key] = str(value)
    return "\n# Written by the minitwitter experiment driver.\n" + "".join(
        "%s = %s\n" % item for item in settings.items())


class PostgresCluster:
    def __init__(self, database, folder, log_path):
        self.database = database
        self.bin = database["bin"]
        self.folder = folder
        self.data = os.path.join(folder, "data")
        self.sockets = os.path.join(folder, "sockets")
        self.log_path = log_path
        self.user = "postgres" if os.geteuid() == 0 else None
        self.process = None

    def _tool(self, name):
        path = os.path.join(self.bin, name)
        if not os.access(path, os.X_OK):
            raise DatabaseError("PostgreSQL's %s is missing (%s); install postgresql-15"
                                % (name, path))
        return path

    def _run_as_owner(self, argv, **kwargs):
        from hosts import as_user
        return subprocess.run(as_user(self.user, argv), capture_output=True, text=True,
                              check=False, **kwargs)

    def initialise(self, listen_address):
        os.makedirs(self.sockets, exist_ok=True)
        os.chmod(self.folder, 0o755)
        if self.user:
            entry = pwd.getpwnam(self.user)
            for path in (self.folder, self.sockets):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        result = self._run_as_owner([self._tool("initdb"), "-D", self.data, "-U", "postgres",
                                     "--auth-local=trust", "--auth-host=scram-sha-256",
                                     "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
        if result.returncode != 0:
            raise DatabaseError("initdb failed: %s" % _last_line(result.stderr or result.stdout))
        with open(os.path.join(self.data, "postgresql.conf"), "a") as conf:
            conf.write(settings_text(listen_address, self.database["port"], self.sockets,
                                     self.database.get("settings")))
        with open(os.path.join(self.data, "pg_hba.conf"), "w") as hba:
            hba.write(hba_rules())

    def start(self, host, timeout):
        with open(self.log_path, "wb") as log:
            popen = host.popen([self._tool("postgres"), "-D", self.data], user=self.user,
                               stdout=log, stderr=subprocess.STDOUT, cwd=self.folder)
        self.process = ManagedProcess(host.name, "postgres", popen, os.path.basename(self.log_path))
        deadline = time.monotonic() + timeout
        while True:
            if not self.process.running():
                raise DatabaseError("PostgreSQL exited with %s during start-up; see postgres.log"
                                    % self.process.popen.returncode)
            ready = self._run_as_owner([self._tool("pg_isready"), "-q", "-h", self.sockets,
                                        "-p", str(self.database["port"]), "-d", "postgres"])
            if ready.returncode == 0:
                break
            if time.monotonic() >= deadline:
                raise DatabaseError("PostgreSQL not ready after %gs; see postgres.log" % timeout)
            time.sleep(0.2)
        self._create_role_and_database()

    def _create_role_and_database(self):
        script = ('CREATE ROLE :"role" LOGIN PASSWORD :\'password\';\n'
                  'CREATE DATABASE :"database" OWNER :"role";\n')
        result = self._run_as_owner(
            [self._tool("psql")] + PSQL + ["-h", self.sockets, "-p", str(self.database["port"]),
                                          "-U", "postgres", "-d", "postgres",
                                          "-v", "role=" + self.database["user"],
                                          "-v", "password=" + self.database["password"],
                                          "-v", "database=" + self.database["name"], "-f", "-"],
            input=script)
        if result.returncode != 0:
            raise DatabaseError("creating the role and database failed: %s"
                                % _last_line(result.stderr))

    def stop(self):
        """Fast shutdown (SIGINT to the postmaster), SIGKILL to its group if it lingers."""
        if self.process is None:
            return None
        return self.process.stop(signal.SIGINT, grace=20.0, group=False)


def _last_line(text):
    lines = [line for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"
