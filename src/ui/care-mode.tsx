import { createContext, useCallback, useContext, useEffect, useMemo, useState, type PropsWithChildren } from 'react';
import { isBoolean, readStored, writeStored } from '@/core/storage';
import { systemPrefersLargeText } from '@/core/system-font';

const CARE_MODE_KEY = 'care-mode';

interface CareModeValue {
  careMode: boolean;
  setCareMode: (on: boolean) => void;
}

const CareModeContext = createContext<CareModeValue>({ careMode: false, setCareMode: () => undefined });

/**
 * 关怀模式: larger text and tap targets app-wide, remembered on the device. Until the person chooses,
 * it follows WeChat's text size setting.
 */
export function CareModeProvider({ children }: PropsWithChildren) {
  const [careMode, setState] = useState(() => readStored(CARE_MODE_KEY, isBoolean) ?? systemPrefersLargeText());
  const setCareMode = useCallback((on: boolean) => {
    setState(on);
    writeStored(CARE_MODE_KEY, on);
  }, []);
  // On H5 the tab bar is drawn outside every page: it reads 关怀模式 from the document's root
  // (src/index.html). The mini-programs' tab bars are native.
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('care', careMode);
  }, [careMode]);
  const value = useMemo(() => ({ careMode, setCareMode }), [careMode, setCareMode]);
  return <CareModeContext.Provider value={value}>{children}</CareModeContext.Provider>;
}

export function useCareMode(): CareModeValue {
  return useContext(CareModeContext);
}
