package nl.dialoogtafel.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic where real sockets cannot reach: other IPv6 machines. */
class LoginThrottleRulesTest {

  @Test
  @DisplayName("An IPv6 /64 counts as one address: five guesses from varying addresses in it make the sixth wait")
  void ipv6CountsByPrefix() {
    LoginThrottle throttle = new LoginThrottle();
    for (int i = 1; i <= LoginThrottle.PAIR_FAILURES; i++) {
      assertEquals(0, throttle.attempt("beheer", "2001:db8:1:2::" + Integer.toHexString(i)).retryAfter());
    }
    assertNotEquals(0, throttle.attempt("beheer", "2001:db8:1:2:ffff::1").retryAfter(), "same /64");
    assertEquals(0, throttle.attempt("beheer", "2001:db8:1:3::1").retryAfter(), "another /64 is another machine");
  }

  @Test
  @DisplayName("Ten failures at an account from anywhere slow each try at it (1 s clean, 3 s after own failures), never refuse it")
  void accountIsSlowedNotLocked() {
    LoginThrottle throttle = new LoginThrottle();
    for (int i = 0; i < LoginThrottle.ACCOUNT_FAILURES; i++) {
      assertEquals(0, throttle.attempt("beheer", "10.0.0." + (i / 2)).delayMillis(), "try " + i);
    }
    LoginThrottle.Verdict clean = throttle.attempt("beheer", "10.0.1.1");
    assertEquals(new LoginThrottle.Verdict(0, LoginThrottle.CLEAN_DELAY_MILLIS), clean);
    assertEquals(new LoginThrottle.Verdict(0, LoginThrottle.FAILED_DELAY_MILLIS), throttle.attempt("beheer", "10.0.0.0"));
    assertEquals(new LoginThrottle.Verdict(0, 0), throttle.attempt("iemand-anders", "10.0.1.2"));
  }
}
