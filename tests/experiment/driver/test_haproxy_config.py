"""The HAProxy configuration and the PostgreSQL settings the driver writes."""

import unittest

import paths  # noqa: F401 (sys.path)
import haproxy_config
import postgres


class HaproxyConfigTest(unittest.TestCase):
    def setUp(self):
        self.text = haproxy_config.render("10.0.0.2", 8080, [("s1-8081", "10.0.1.1", 8081),
                                                             ("s2-8082", "10.0.1.2", 8082)],
                                          maxconn=4000)

    def test_front_end_listens_on_the_lb_host(self):
        self.assertIn("    bind 10.0.0.2:8080\n", self.text)
        self.assertIn("    mode http\n", self.text)

    def test_round_robin_over_checked_backends(self):
        self.assertIn("    balance roundrobin\n", self.text)
        self.assertIn("    option httpchk GET /healthz\n", self.text)
        self.assertIn("    server s1-8081 10.0.1.1:8081 check", self.text)
        self.assertIn("    server s2-8082 10.0.1.2:8082 check", self.text)

    def test_timeouts_and_connection_limit(self):
        for line in ("timeout connect", "timeout client", "timeout server", "maxconn 4000"):
            self.assertIn(line, self.text)

    def test_maxconn_fits_the_descriptor_limit(self):
        self.assertEqual(haproxy_config.max_connections(20000), 9900)
        self.assertEqual(haproxy_config.max_connections(1 << 20), 20000)
        self.assertEqual(haproxy_config.max_connections(100), 64)


class PostgresSettingsTest(unittest.TestCase):
    def test_listens_on_the_db_host_with_its_own_sockets(self):
        text = postgres.settings_text("10.0.0.1", 5432, "/run/x/sockets", {"fsync": "off"})
        self.assertIn("listen_addresses = '10.0.0.1'\n", text)
        self.assertIn("port = 5432\n", text)
        self.assertIn("unix_socket_directories = '/run/x/sockets'\n", text)
        self.assertIn("fsync = off\n", text)

    def test_password_logins_from_the_experiment_subnet(self):
        rules = postgres.hba_rules()
        self.assertIn("host all all 10.0.0.0/8 scram-sha-256\n", rules)
        self.assertIn("host all all 127.0.0.1/32 scram-sha-256\n", rules)
        self.assertNotIn("trust\nhost", rules.replace("local all all trust\n", ""))


if __name__ == "__main__":
    unittest.main()
