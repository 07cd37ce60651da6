package org.anzexian.platform.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.InvalidRequestException;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicySpecialCharacterRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUpperCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda's password policy made of Camunda's own rules, so Admin and Welcome show their live check
 * list, each rule with its Chinese wording for our refusals (#11 finding 4). The engine applies it
 * to every password it saves ({@code platform.security.IdentityEnginePlugin}); {@link #requireAcceptable} is the same
 * check for our own door, {@code POST /api/organizations/{id}/users}.
 */
@Component
public class PasswordRules implements PasswordPolicy {

    private final Map<PasswordPolicyRule, String> rules = new LinkedHashMap<>();

    public PasswordRules(PasswordRulesProperties properties) {
        rules.put(new PasswordPolicyLengthRuleImpl(properties.minLength()), "至少 " + properties.minLength() + " 位");
        if (properties.minLowercase() > 0) {
            rules.put(new PasswordPolicyLowerCaseRuleImpl(properties.minLowercase()),
                    "至少包含 " + properties.minLowercase() + " 个小写字母");
        }
        if (properties.minUppercase() > 0) {
            rules.put(new PasswordPolicyUpperCaseRuleImpl(properties.minUppercase()),
                    "至少包含 " + properties.minUppercase() + " 个大写字母");
        }
        if (properties.minDigits() > 0) {
            rules.put(new PasswordPolicyDigitRuleImpl(properties.minDigits()), "至少包含 " + properties.minDigits() + " 个数字");
        }
        if (properties.minSpecial() > 0) {
            rules.put(new PasswordPolicySpecialCharacterRuleImpl(properties.minSpecial()),
                    "至少包含 " + properties.minSpecial() + " 个特殊字符（如 !@#%）");
        }
        rules.put(new PasswordPolicyUserDataRuleImpl(), "不得包含登录名、姓名或电子邮箱");
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return List.copyOf(rules.keySet());
    }

    /** The rules in Chinese, in the order the refusal lists them. */
    public List<String> descriptions() {
        return List.copyOf(rules.values());
    }

    /** Throws a 400 on field {@code password} that lists every rule and the ones this password breaks. */
    public void requireAcceptable(String password, User user) {
        List<String> broken = rules.entrySet().stream()
                .filter(rule -> !rule.getKey().execute(password == null ? "" : password, user))
                .map(Map.Entry::getValue)
                .toList();
        if (broken.isEmpty()) {
            return;
        }
        List<ApiError.FieldMessage> messages = new ArrayList<>();
        messages.add(new ApiError.FieldMessage("password", "密码不符合要求。密码规则：" + String.join("；", descriptions())
                + " (password does not match the password policy)"));
        broken.forEach(rule -> messages.add(new ApiError.FieldMessage("password", "未满足：" + rule)));
        throw new InvalidRequestException(messages);
    }

    /** The same check for a login that does not exist yet. */
    public void requireAcceptable(String password, String userId, String firstName, String lastName, String email) {
        UserEntity user = new UserEntity(userId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        requireAcceptable(password, user);
    }
}
